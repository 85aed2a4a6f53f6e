using LabRunner.Cli;
using LabRunner.TestSupport;
using LabRunner.TestSupport.Peers;

namespace LabRunner.Fronts.Tests;

/// <summary>
/// A class through the real binary: the instructor serves it and adds learners, each learner joins with their line,
/// and from then on plain commands work in the class with no flags.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ClassJoinTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
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
        Assert.Matches(@"Joined the class Aurora workshop as alice \(account [0-9]{12}\)\.", joined.StandardOutput);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(targets));
        Assert.DoesNotContain(secret, joined.StandardOutput + joined.StandardError);
        Assert.True(check.ExitCode == ExitCodes.NotPassed, check.ToString());
        Assert.Contains("yourname=alice", check.StandardOutput);
        Assert.Contains("target   CLASS Aurora workshop", check.StandardOutput);
        Assert.Matches(@"account  (?<id>[0-9]{12}) as arn:aws:iam::\k<id>:user/alice", check.StandardOutput);
        Assert.Contains("✓ find-cluster", check.StandardOutput);
        Assert.True(perform.ExitCode == 0, perform.ToString());
        Assert.True(classView.ExitCode == 0, classView.ToString());
        Assert.Contains("alice", classView.StandardOutput);
        Assert.Contains("bob", classView.StandardOutput);
        // Their starting resources look a day old, yet neither has had ten minutes to start: nobody is stuck.
        Assert.All(classView.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1), row => Assert.EndsWith(",false", row.TrimEnd('\r')));
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

    [Fact]
    public async Task The_instructor_reissues_a_lost_code_and_the_new_line_joins_where_the_old_does_not()
    {
        var lines = await AddLearnersAsync("frank");

        var reissued = await LabRunnerBinary.RunAsync(folder.Path, InstructorHome, "sandbox", "reissue", "frank", "--new-key");
        var newLine = JoinLines.Parse(reissued.StandardOutput);
        var oldCode = await LabRunnerBinary.RunAsync(folder.Path, Home("frank-old"), ["join", .. lines["frank"]]);
        var joined = await LabRunnerBinary.RunAsync(folder.Path, Home("frank"), ["join", .. newLine["frank"]]);
        var unknown = await LabRunnerBinary.RunAsync(folder.Path, InstructorHome, "sandbox", "reissue", "nobody");

        Assert.True(reissued.ExitCode == 0, reissued.ToString());
        Assert.Contains("Their old code and their old key no longer work; their resources are kept.", reissued.StandardOutput);
        Assert.Equal(ExitCodes.Usage, oldCode.ExitCode);
        Assert.True(joined.ExitCode == 0, joined.ToString());
        Assert.Equal((ExitCodes.Usage, true), (unknown.ExitCode, unknown.StandardError.Contains("The class has no learner named 'nobody'", StringComparison.Ordinal)));
    }

    [PeerFact(RealPeer.Tmux)]
    public async Task In_the_lab_screen_P_writes_the_learners_pass_and_the_instructor_judges_it()
    {
        var lines = await AddLearnersAsync("gail");
        var home = Home("gail");
        Assert.Equal(0, (await LabRunnerBinary.RunAsync(folder.Path, home, ["join", .. lines["gail"]])).ExitCode);
        var passFile = Path.Combine(home, "labrunner-pass-aurora-backup-gail.json");

        using (var tmux = JoinLines.OpenLabInTmux(home, home))
        {
            tmux.WaitFor("✓ Passed: cluster aurora-gail-cluster", Patience);
            tmux.SendKeys("P");
            tmux.WaitFor("the dialog with the file", screen => screen.Contains("Your progress pass", StringComparison.Ordinal) && screen.Contains("copy this line", StringComparison.Ordinal), Patience);
            tmux.SendKeys("Escape");
            tmux.WaitFor("the dialog closed, the notice left", screen => !screen.Contains("Your progress pass", StringComparison.Ordinal) && screen.Contains("Progress pass written to", StringComparison.Ordinal), Patience);
            tmux.SendKeys("q");
            tmux.WaitFor("EXITED 0", Patience);
        }
        var judged = await LabRunnerBinary.RunAsync(folder.Path, Home("reader"), "class", "aurora-backup", "--passes", passFile, "--endpoint", lines["gail"][0], "--format", "csv");

        Assert.True(judged.ExitCode == 0, judged.ToString());
        Assert.Matches(@"(?m)^gail,", judged.StandardOutput);
    }

    private Task<Dictionary<string, string[]>> AddLearnersAsync(params string[] names) => JoinLines.AddLearnersAsync(folder.Path, InstructorHome, names);

    private string Home(string name) => Directory.CreateDirectory(folder.PathOf(name)).FullName;

    private static string SecretIn(string targetsFile) =>
        System.Text.Json.JsonDocument.Parse(File.ReadAllText(targetsFile)).RootElement.GetProperty("targets")[0].GetProperty("secretAccessKey").GetString()!;
}
