using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;
using LabRunner.TestSupport;
using LabRunner.TestSupport.Http;
using LabRunner.TestSupport.Network;
using LabRunner.TestSupport.Peers;
using LabRunner.TestSupport.Python;

namespace LabRunner.Fronts.Tests;

/// <summary>
/// A class of 300 on the machine's LAN address: every learner joins through the real join command, three quarters of
/// them then work at once with boto3, each signing with their own key and going as far as their plan says, and the
/// instructor's class view, through a proxy that counts requests and adds 50 ms to each, judges all 300 as they are.
/// </summary>
public sealed class ClassCrowdTests(ITestOutputHelper log) : IDisposable
{
    private const int Learners = 300;

    /// <summary>How far each learner goes (by their number, in turn), and what the class view must then show for the lab's steps.</summary>
    private static readonly (string Plan, string[] Statuses)[] Plans =
    [
        ("finish", ["passed", "passed", "passed", "acknowledged", "passed"]),
        ("snapshot", ["passed", "passed", "passed", "manual", "failed"]),
        ("window", ["passed", "failed", "failed", "manual", "passed"]),
        ("nothing", ["passed", "failed", "failed", "manual", "failed"]),
    ];

    private static readonly string[] Steps = ["find-cluster", "take-snapshot", "snapshot-available", "snapshot-actions", "modify-backup-window"];

    private static readonly TimeSpan ProxyLatency = TimeSpan.FromMilliseconds(50);

    private readonly TempDirectory folder = new();

    public void Dispose() => folder.Dispose();

    [LanFact(RealPeer.Boto3)]
    public async Task Three_hundred_learners_join_work_at_once_and_the_class_view_judges_each_in_a_few_requests()
    {
        var whole = Stopwatch.StartNew();
        var instructorHome = Directory.CreateDirectory(folder.PathOf("instructor")).FullName;
        await using var server = await SandboxProcess.StartAsync(LabRunnerBinary.IsolatedEnvironment(instructorHome),
            "--state", folder.PathOf("state.json"), "--bind", LanAddress.Value!.ToString(), "--snapshot-seconds", "0",
            "--class", "Crowd", "--lab", Repository.PathOf("labs", "aurora-backup"));
        var names = Enumerable.Range(0, Learners).Select(NameOf).ToList();
        var plans = names.Select((name, index) => (name, plan: Plans[index % Plans.Length])).ToDictionary(pair => pair.name, pair => pair.plan);

        var joined = await Measured("joined through 'labrunner join'", () => JoinAllAsync(instructorHome, names));
        var driven = joined.Where(learner => plans[learner.Name].Plan != "nothing").ToList();
        var results = await Measured($"{driven.Count} learners worked at once with boto3", () => DriveAsync(driven));
        await using var proxy = await CountingProxy.StartAsync(ProxyLatency);
        var classView = await Measured("class view through the proxy", () => ClassViewAsync(instructorHome, proxy));
        var ownChecks = await Measured("own checks of one learner per plan", () => OwnChecksAsync(names.Take(Plans.Length)));
        log.WriteLine($"whole test: {whole.Elapsed.TotalSeconds:0.0} s; class view: {proxy.Requests} requests through the proxy");

        Assert.All(results, result =>
        {
            Assert.Equal([$"aurora-{result!["name"]}-cluster"], result["seen"]!.AsArray().Select(seen => seen!.GetValue<string>()));
            Assert.Equal("DBClusterSnapshotNotFoundFault", result["neighbour"]!.GetValue<string>());
        });
        var judged = StatusesByLearner(classView);
        Assert.Equal(names, judged.Keys.Order());
        Assert.All(names, name => Assert.Equal(plans[name].Statuses, judged[name]));
        Assert.All(ownChecks, own => Assert.Equal(Checked(judged[own.Name]), Checked(own.Statuses)));
        var budget = 3 * (int)Math.Ceiling(Learners / 100.0) + 3;
        Assert.InRange(proxy.Requests, 1, budget);
    }

    private async Task<T> Measured<T>(string what, Func<Task<T>> work)
    {
        var clock = Stopwatch.StartNew();
        var result = await work();
        log.WriteLine($"{what}: {clock.Elapsed.TotalSeconds:0.0} s");
        return result;
    }

    private static string NameOf(int index) => $"learner{index + 1:000}";

    private sealed record JoinedLearner(int Index, string Name, string Endpoint, string Region, string Key, string Secret);

    /// <summary>Adds every learner in one <c>add-learners</c>, then runs each one's join line in a home of their own, a few at a time.</summary>
    private async Task<JoinedLearner[]> JoinAllAsync(string instructorHome, IReadOnlyList<string> names)
    {
        var added = await LabRunnerBinary.RunAsync(folder.Path, instructorHome, ["sandbox", "add-learners", string.Join(',', names)]);
        Assert.True(added.ExitCode == 0, added.ToString());
        var joinLines = added.StandardOutput.Split('\n').Where(line => line.Contains(" labrunner join ", StringComparison.Ordinal))
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToDictionary(words => words[0], words => (Address: words[3], Code: words[4]));
        using var fewAtOnce = new SemaphoreSlim(Environment.ProcessorCount);
        return await Task.WhenAll(names.Select(async (name, index) =>
        {
            await fewAtOnce.WaitAsync();
            try
            {
                var home = Directory.CreateDirectory(folder.PathOf(name)).FullName;
                var result = await LabRunnerBinary.RunAsync(folder.Path, home, "join", joinLines[name].Address, joinLines[name].Code);
                Assert.True(result.ExitCode == 0, result.ToString());
                var target = JsonDocument.Parse(File.ReadAllText(Path.Combine(home, "data", "targets.json"))).RootElement.GetProperty("targets")[0];
                string Text(string property) => target.GetProperty(property).GetString()!;
                return new JoinedLearner(index, name, Text("endpoint"), Text("region"), Text("accessKeyId"), Text("secretAccessKey"));
            }
            finally
            {
                fewAtOnce.Release();
            }
        }));
    }

    private static async Task<JsonArray> DriveAsync(IReadOnlyList<JoinedLearner> learners)
    {
        var script = await File.ReadAllTextAsync(Repository.PathOf("tests", "Fronts.Tests", "Class", "drive_class.py"));
        var input = learners.Select(learner => new
        {
            name = learner.Name,
            endpoint = learner.Endpoint,
            region = learner.Region,
            key = learner.Key,
            secret = learner.Secret,
            plan = Plans[learner.Index % Plans.Length].Plan,
            neighbour = NameOf((learner.Index + 1) % Learners),
        });
        return (await PythonRunner.RunJsonAsync(script, input)).AsArray();
    }

    /// <summary><c>labrunner class aurora-backup --format json</c> with the instructor's stored key, every request through <paramref name="proxy"/>.</summary>
    private async Task<JsonElement> ClassViewAsync(string instructorHome, CountingProxy proxy)
    {
        var environment = new Dictionary<string, string>(LabRunnerBinary.IsolatedEnvironment(instructorHome))
        {
            ["HTTP_PROXY"] = proxy.Address.ToString(),
            ["http_proxy"] = proxy.Address.ToString(),
            ["NO_PROXY"] = "",
            ["no_proxy"] = "",
        };
        var result = await ExternalProcess.RunAsync(LabRunnerBinary.Path, ["class", "aurora-backup", "--format", "json"], environment, TimeSpan.FromSeconds(60), workingDirectory: folder.Path);
        Assert.True(result.ExitCode == 0, result.ToString());
        return JsonDocument.Parse(result.StandardOutput).RootElement;
    }

    private async Task<(string Name, string[] Statuses)[]> OwnChecksAsync(IEnumerable<string> names)
    {
        var checks = new List<(string, string[])>();
        foreach (var name in names)
        {
            var result = await LabRunnerBinary.RunAsync(folder.Path, folder.PathOf(name), "check", "aurora-backup", "--format", "json");
            checks.Add((name, Statuses(JsonDocument.Parse(result.StandardOutput).RootElement)));
        }
        return [.. checks];
    }

    private static Dictionary<string, string[]> StatusesByLearner(JsonElement classView) =>
        classView.GetProperty("learners").EnumerateArray().ToDictionary(
            learner => learner.GetProperty("key").GetString()!,
            learner => Statuses(learner.GetProperty("check")));

    /// <summary>Each step's status in a <c>check --format json</c> report, in the lab's step order.</summary>
    private static string[] Statuses(JsonElement check)
    {
        var byStep = check.GetProperty("steps").EnumerateArray().ToDictionary(step => step.GetProperty("id").GetString()!, step => step.GetProperty("status").GetString()!);
        return [.. Steps.Select(step => byStep[step])];
    }

    /// <summary>The statuses of the checked steps: a manual step's acknowledgement lives on the learner's laptop, which this driver never told.</summary>
    private static string[] Checked(string[] statuses) => [.. statuses.Where((_, index) => Steps[index] != "snapshot-actions")];
}
