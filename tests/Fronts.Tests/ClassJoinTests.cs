using System.Text.RegularExpressions;
using LabRunner.Cli;
using LabRunner.TestSupport;

namespace LabRunner.Fronts.Tests;

/// <summary>
/// A class through the real binary: the instructor serves it and adds learners, each learner joins with their line,
/// and from then on plain commands work in the class with no flags.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed partial class ClassJoinTests : IAsyncLifetime
{
    private readonly TempDirectory folder = new();
    private SandboxProcess server = null!;

    private string InstructorHome => folder.PathOf("instructor");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(InstructorHome);
        server = await SandboxProcess.StartAsync(LabRunnerBinary.IsolatedEnvironment(InstructorHome),
            "--state", folder.PathOf("state.json"), "--class", "Aurora workshop", "--lab", Repository.PathOf("labs", "aurora-backup"));
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        folder.Dispose();
    }

    [Fact]
    public async Task A_learner_joins_with_their_line_and_plain_commands_then_work_in_the_class()
    {
        var lines = await AddLearnersAsync("alice", "bob");
        var aliceHome = Home("alice");

        var joined = await LabRunnerBinary.RunAsync(folder.Path, aliceHome, ["join", .. lines["alice"]]);
        var targets = Path.Combine(aliceHome, "data", "targets.json");
        var secret = SecretIn(targets);
        var check = await LabRunnerBinary.RunAsync(folder.Path, aliceHome, "check", "aurora-backup");
        var perform = await LabRunnerBinary.RunAsync(folder.Path, aliceHome, "perform", "aurora-backup", "--step", "take-snapshot", "--yes");
        var classView = await LabRunnerBinary.RunAsync(folder.Path, InstructorHome, "class", "aurora-backup", "--format", "csv");

        Assert.True(joined.ExitCode == 0, joined.ToString());
        Assert.Contains("Joined the class Aurora workshop as alice.", joined.StandardOutput);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(targets));
        Assert.DoesNotContain(secret, joined.StandardOutput + joined.StandardError);
        Assert.True(check.ExitCode == ExitCodes.NotPassed, check.ToString());
        Assert.Contains("yourname=alice", check.StandardOutput);
        Assert.Contains("target   CLASS Aurora workshop", check.StandardOutput);
        Assert.Contains("✓ find-cluster", check.StandardOutput);
        Assert.True(perform.ExitCode == 0, perform.ToString());
        Assert.True(classView.ExitCode == 0, classView.ToString());
        Assert.Contains("alice", classView.StandardOutput);
        Assert.Contains("bob", classView.StandardOutput);
    }

    [Fact]
    public async Task A_used_or_unknown_code_and_an_unreachable_sandbox_say_so_and_exit_non_zero()
    {
        var lines = await AddLearnersAsync("carol");
        var home = Home("carol");
        await LabRunnerBinary.RunAsync(folder.Path, home, ["join", .. lines["carol"]]);

        var again = await LabRunnerBinary.RunAsync(folder.Path, Home("carol-again"), ["join", .. lines["carol"]]);
        var unknown = await LabRunnerBinary.RunAsync(folder.Path, Home("guess"), "join", lines["carol"][0], "AAAA-BBBB-CCCC");
        var unreachable = await LabRunnerBinary.RunAsync(folder.Path, Home("lost"), "join", $"http://127.0.0.1:{FreePort.Next()}", lines["carol"][1]);
        var notAnAddress = await LabRunnerBinary.RunAsync(folder.Path, Home("typo"), "join", "192.168.1.20", lines["carol"][1]);

        Assert.Equal((ExitCodes.Usage, true), (again.ExitCode, again.StandardError.Contains("already used", StringComparison.Ordinal)));
        Assert.Equal((ExitCodes.Usage, true), (unknown.ExitCode, unknown.StandardError.Contains("No learner of this class has that join code", StringComparison.Ordinal)));
        Assert.Equal((ExitCodes.Target, true), (unreachable.ExitCode, unreachable.StandardError.Contains("cannot use the class sandbox", StringComparison.Ordinal)));
        Assert.Equal(ExitCodes.Usage, notAnAddress.ExitCode);
        Assert.All(new[] { again, unknown, unreachable, notAnAddress }, result => Assert.DoesNotContain("   at ", result.StandardError));
        Assert.False(File.Exists(Path.Combine(Home("carol-again"), "data", "targets.json")));
    }

    [Fact]
    public async Task Adding_a_learner_whose_name_is_taken_adds_nobody_and_exits_2()
    {
        await AddLearnersAsync("dave");

        var taken = await LabRunnerBinary.RunAsync(folder.Path, InstructorHome, "sandbox", "add-learners", "erin", "dave");
        var erin = await LabRunnerBinary.RunAsync(folder.Path, InstructorHome, "sandbox", "add-learners", "erin");

        Assert.Equal(ExitCodes.Usage, taken.ExitCode);
        Assert.Contains("already has a learner named 'dave'", taken.StandardError);
        Assert.True(erin.ExitCode == 0, erin.ToString());
    }

    /// <summary>Each learner's join line, as <c>sandbox add-learners</c> prints it: the address and the code.</summary>
    private async Task<Dictionary<string, string[]>> AddLearnersAsync(params string[] names)
    {
        var added = await LabRunnerBinary.RunAsync(folder.Path, InstructorHome, ["sandbox", "add-learners", .. names]);
        Assert.True(added.ExitCode == 0, added.ToString());
        return JoinLine().Matches(added.StandardOutput).ToDictionary(match => match.Groups["name"].Value, match => new[] { match.Groups["address"].Value, match.Groups["code"].Value });
    }

    private string Home(string name) => Directory.CreateDirectory(folder.PathOf(name)).FullName;

    private static string SecretIn(string targetsFile) =>
        System.Text.Json.JsonDocument.Parse(File.ReadAllText(targetsFile)).RootElement.GetProperty("targets")[0].GetProperty("secretAccessKey").GetString()!;

    [GeneratedRegex(@"^(?<name>\S+)\s+labrunner join (?<address>http://\S+) (?<code>[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})$", RegexOptions.Multiline)]
    private static partial Regex JoinLine();
}
