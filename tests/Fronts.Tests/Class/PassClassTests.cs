using System.Text.Json.Nodes;
using LabRunner.Cli;
using LabRunner.Fronts.Tests.Check;
using LabRunner.Rds;
using LabRunner.Sandbox;
using LabRunner.TestSupport;
using LabRunner.TestSupport.Class;
using LabRunner.TestSupport.Peers;
using LabRunner.TestSupport.Sandbox;
using Xunit.Abstractions;

namespace LabRunner.Fronts.Tests.Class;

/// <summary>
/// A class spread over 300 learners, each signing with a key of their own (a profile each, see
/// <see cref="LearnerProfiles"/>), in one sandbox that verifies every signature against those keys. The sandbox has one
/// state for all of them (it has no accounts): what differs per learner is the key each request is signed with, and
/// each learner's pass is verified with theirs. Each learner writes a pass with <c>labrunner pass</c>; the instructor,
/// with no key of their own, judges all 300 with <c>class --passes</c>.
/// </summary>
public sealed class PassClassTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly LearnerStage[] Stages = Enum.GetValues<LearnerStage>();

    private readonly TempDirectory data = new();
    private SandboxFixture sandbox = null!;
    private RdsQueryClient seeder = null!;

    private static string Lab => SeededClass.LabPath;

    private string Passes => Path.Join(data.Path, "passes");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Passes);
        // The sandbox's clock starts now: learners sign with the real clock, and the sandbox refuses signatures 15 minutes off its own.
        sandbox = await SandboxFixture.StartAsync(options => options with
        {
            VerifySignaturesWith = [new AccessKey(AwsCli.AccessKeyId, AwsCli.SecretAccessKey), .. Enumerable.Range(0, LearnerProfiles.Count).Select(LearnerProfiles.KeyOf)],
            ManualSnapshotQuota = 10 * LearnerProfiles.Count, // one state for every learner, where each would have an account's quota
        }, startAt: DateTimeOffset.UtcNow);
        seeder = await PeerClients.CreateClientAsync(sandbox.Uri);
        var learners = Enumerable.Range(0, LearnerProfiles.Count).Select(learner => new SeededLearner(LearnerProfiles.NameOf(learner), Stages[learner % Stages.Length])).ToList();
        await ClassSeeding.SeedAsync(sandbox.Host, sandbox.Time, SeededClass.SnapshotDuration, seeder, SeededClass.Lab, learners);
    }

    public async Task DisposeAsync()
    {
        seeder.Dispose();
        await sandbox.DisposeAsync();
        data.Dispose();
    }

    private Task<CliRun> AsLearnerAsync(int learner, params string[] arguments) =>
        CliRun.RunAsync([.. arguments, Lab, "--var", $"yourname={LearnerProfiles.NameOf(learner)}", "--profile", LearnerProfiles.NameOf(learner),
            "--endpoint", sandbox.Uri.ToString(), "--data-dir", Path.Join(data.Path, LearnerProfiles.NameOf(learner))]);

    private Task<CliRun> WritePassAsync(int learner, params string[] more) =>
        AsLearnerAsync(learner, ["pass", "--out", Path.Join(Passes, $"{LearnerProfiles.NameOf(learner)}.json"), .. more]);

    private Task<CliRun> ClassAsync(params string[] more) =>
        CliRun.RunAsync(["class", Lab, "--passes", Passes, "--endpoint", sandbox.Uri.ToString(), "--format", "json", "--data-dir", data.Path, .. more]);

    private static JsonNode LearnerIn(CliRun run, int learner) =>
        JsonNode.Parse(run.Output)!["learners"]!.AsArray().Single(entry => (string?)entry!["key"] == LearnerProfiles.NameOf(learner))!;

    [Fact]
    public async Task Every_learner_judged_from_their_pass_is_exactly_their_own_check()
    {
        await Parallel.ForEachAsync(Enumerable.Range(0, LearnerProfiles.Count), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (learner, _) =>
        {
            var written = await WritePassAsync(learner);
            Assert.True(written.ExitCode == ExitCodes.Ok, written.Error);
            Assert.StartsWith("labrunner-pass:", written.Output.Trim());
        });
        var requestsInPasses = Directory.EnumerateFiles(Passes).Sum(file => JsonNode.Parse(File.ReadAllText(file))!["requests"]!.AsArray().Count);
        Assert.DoesNotContain(AwsCli.SecretAccessKey, string.Concat(Directory.EnumerateFiles(Passes).Select(File.ReadAllText)));
        Assert.DoesNotContain(LearnerProfiles.KeyOf(7).SecretAccessKey, File.ReadAllText(Path.Join(Passes, "learner007.json")));

        // --optional: the class reads and judges every step the learners' own checks do.
        var run = await ClassAsync("--optional");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        var json = JsonNode.Parse(run.Output)!;
        output.WriteLine($"{LearnerProfiles.Count} passes, {requestsInPasses} presigned requests in all; class --passes sent {json["requests"]}; " +
            $"a pass file is {new FileInfo(Path.Join(Passes, "learner007.json")).Length} bytes");
        Assert.Equal(LearnerProfiles.Count, json["learners"]!.AsArray().Count);
        Assert.Equal(requestsInPasses, (long)json["requests"]!); // each pass's requests sent once, nothing else
        var own = new JsonNode?[LearnerProfiles.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, LearnerProfiles.Count), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (learner, _) =>
            own[learner] = JsonNode.Parse((await AsLearnerAsync(learner, "check", "--format", "json")).Output));
        for (var learner = 0; learner < LearnerProfiles.Count; learner++)
        {
            var inClass = LearnerIn(run, learner);
            Assert.Equal("replayed", (string?)inClass["pass"]!["status"]);
            Assert.True(JsonNode.DeepEquals(own[learner], inClass["check"]), $"{LearnerProfiles.NameOf(learner)}: class said\n{inClass["check"]}\ncheck said\n{own[learner]}");
        }
        Assert.Equal(LearnerProfiles.Count / Stages.Length, json["steps"]!.AsArray().Single(step => (string?)step!["id"] == "modify-backup-window")!["passed"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_tampered_an_expired_and_a_foreign_pass_are_row_statuses_and_the_others_are_judged()
    {
        for (var learner = 0; learner < 4; learner++)
            Assert.Equal(ExitCodes.Ok, (await WritePassAsync(learner, learner == 3 ? ["--expires", "1m"] : [])).ExitCode);
        // learner001 claims to be learner004: their requests read learner001's resources, not learner004's
        var renamed = Path.Join(Passes, "learner001.json");
        File.WriteAllText(renamed, File.ReadAllText(renamed).Replace("\"yourname\": \"learner001\"", "\"yourname\": \"learner004\"", StringComparison.Ordinal));
        // learner002's pass stretched to a week: the signature no longer matches what is sent
        var edited = Path.Join(Passes, "learner002.json");
        File.WriteAllText(edited, File.ReadAllText(edited).Replace("X-Amz-Expires=43200", "X-Amz-Expires=604800", StringComparison.Ordinal));
        sandbox.Time.Advance(TimeSpan.FromMinutes(2)); // learner003's one-minute pass is past its X-Amz-Expires on the sandbox's clock

        var run = await ClassAsync();

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        Assert.Equal("replayed", (string?)LearnerIn(run, 0)["pass"]!["status"]);
        var claimed = JsonNode.Parse(run.Output)!["learners"]!.AsArray().Single(entry => (string?)entry!["key"] == "learner004")!;
        Assert.Equal("tampered", (string?)claimed["pass"]!["status"]);
        Assert.Equal("tampered", (string?)LearnerIn(run, 2)["pass"]!["status"]);
        Assert.Contains("SignatureDoesNotMatch", (string?)LearnerIn(run, 2)["pass"]!["detail"]);
        Assert.Equal("expired", (string?)LearnerIn(run, 3)["pass"]!["status"]);
        Assert.All(new[] { claimed, LearnerIn(run, 2), LearnerIn(run, 3) }, row =>
            Assert.All(row["check"]!["steps"]!.AsArray().Where(step => (string?)step!["status"] != "manual"), step => Assert.Equal("error", (string?)step!["status"])));

        var foreign = await ClassAsync("--region", "eu-west-1");
        Assert.All(JsonNode.Parse(foreign.Output)!["learners"]!.AsArray(), row => Assert.Equal("foreign-region", (string?)row!["pass"]!["status"]));
        Assert.Equal(0, (long)JsonNode.Parse(foreign.Output)!["requests"]!);

        var table = await CliRun.RunAsync(["class", Lab, "--passes", Passes, "--endpoint", sandbox.Uri.ToString(), "--data-dir", data.Path]);
        Assert.Contains(table.Lines, line => line.StartsWith("  learner003: expired pass", StringComparison.Ordinal));
        Assert.Empty(table.RawCharacters());
    }
}
