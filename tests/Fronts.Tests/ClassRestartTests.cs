using System.Text.Json.Nodes;
using LabRunner.Cli;
using LabRunner.TestSupport;
using LabRunner.TestSupport.Peers;

namespace LabRunner.Fronts.Tests;

/// <summary>
/// A class whose sandbox is restarted on another port (same state file), through the real binary: learners follow it
/// with <c>labrunner join http://HOST:NEWPORT</c>, and their checks, acknowledgements and the class view are as before.
/// </summary>
public sealed class ClassRestartTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly TempDirectory folder = new();
    private SandboxProcess? server;

    private string InstructorHome => Home("instructor");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (server is not null)
            await server.DisposeAsync();
        folder.Dispose();
    }

    [PeerFact(RealPeer.Tmux)]
    public async Task After_a_restart_on_another_port_learners_follow_with_join_and_their_progress_and_the_class_view_are_unchanged()
    {
        server = await ServeAsync();
        var lines = await AddLearnersAsync("alice", "bob");
        foreach (var name in new[] { "alice", "bob" })
            Assert.Equal(0, (await LabRunnerBinary.RunAsync(folder.Path, Home(name), ["join", .. lines[name]])).ExitCode);
        AcknowledgeInTheTui("alice", "See what a snapshot offers");
        var perform = await LabRunnerBinary.RunAsync(folder.Path, Home("alice"), "perform", "aurora-backup", "--step", "take-snapshot", "--yes");
        Assert.True(perform.ExitCode == 0, perform.ToString());
        var before = await ProgressAsync();
        Assert.Contains("\"acknowledged\"", before["alice"], StringComparison.Ordinal);
        Assert.Matches(@"""acknowledged"": \{\s*""snapshot-actions"": ""20", before["class"]);

        await server.TerminateAsync();
        var oldAddress = server.Uri;
        await server.DisposeAsync();
        server = await ServeAsync();
        Assert.NotEqual(oldAddress.Port, server.Uri.Port);
        var stale = await LabRunnerBinary.RunAsync(folder.Path, Home("alice"), "check", "aurora-backup");
        var followed = await Task.WhenAll(new[] { "alice", "bob" }.Select(name => LabRunnerBinary.RunAsync(folder.Path, Home(name), "join", server.Uri.GetLeftPart(UriPartial.Authority))));
        var after = await ProgressAsync();

        Assert.Equal(ExitCodes.Target, stale.ExitCode);
        Assert.Contains("run 'labrunner join http://HOST:PORT' with that address", stale.StandardError, StringComparison.Ordinal);
        Assert.All(followed, result => Assert.True(result.ExitCode == 0, result.ToString()));
        Assert.Contains($"The class Aurora workshop is now at {server.Uri.GetLeftPart(UriPartial.Authority)} (you are alice)", followed[0].StandardOutput, StringComparison.Ordinal);
        Assert.All(before, read => Assert.Equal(read.Value, after[read.Key]));
    }

    [Fact]
    public async Task Join_with_no_code_refuses_another_sandbox_and_changes_nothing()
    {
        server = await ServeAsync();
        var lines = await AddLearnersAsync("carol");
        Assert.Equal(0, (await LabRunnerBinary.RunAsync(folder.Path, Home("carol"), ["join", .. lines["carol"]])).ExitCode);
        var targets = Path.Combine(Home("carol"), "data", "targets.json");
        var stored = await File.ReadAllTextAsync(targets);
        await using var other = await SandboxProcess.StartAsync(LabRunnerBinary.IsolatedEnvironment(Home("other-instructor")),
            "--state", folder.PathOf("other-state.json"), "--class", "Another class");

        var refused = await LabRunnerBinary.RunAsync(folder.Path, Home("carol"), "join", other.Uri.GetLeftPart(UriPartial.Authority));
        var unreachable = await LabRunnerBinary.RunAsync(folder.Path, Home("carol"), "join", $"http://127.0.0.1:{FreePort.Next()}");

        Assert.Equal(ExitCodes.Usage, refused.ExitCode);
        Assert.Matches(@"the sandbox at \S+ is sbx-\w+, and no class you joined is on it \('Aurora workshop' on sbx-\w+\): nothing changed", refused.StandardError);
        Assert.Equal(ExitCodes.Target, unreachable.ExitCode);
        Assert.Equal(stored, await File.ReadAllTextAsync(targets));
    }

    private Task<SandboxProcess> ServeAsync() => SandboxProcess.StartAsync(LabRunnerBinary.IsolatedEnvironment(InstructorHome),
        "--state", folder.PathOf("state.json"), "--class", "Aurora workshop", "--lab", Repository.PathOf("labs", "aurora-backup"), "--snapshot-seconds", "0");

    /// <summary>Each learner's <c>check --format json</c> and the class view's JSON, without where and when they were read.</summary>
    private async Task<Dictionary<string, string>> ProgressAsync()
    {
        var progress = new Dictionary<string, string>();
        foreach (var name in new[] { "alice", "bob" })
            progress[name] = WithoutWhereAndWhen((await LabRunnerBinary.RunAsync(folder.Path, Home(name), "check", "aurora-backup", "--format", "json")).StandardOutput);
        var classView = await LabRunnerBinary.RunAsync(folder.Path, InstructorHome, "class", "aurora-backup", "--format", "json");
        Assert.True(classView.ExitCode == 0, classView.ToString());
        progress["class"] = WithoutWhereAndWhen(classView.StandardOutput);
        return progress;
    }

    private static string WithoutWhereAndWhen(string json)
    {
        var document = JsonNode.Parse(json)!;
        RemoveWhereAndWhen(document);
        return document.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    private static void RemoveWhereAndWhen(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject value:
                value.Remove("endpoint");
                value.Remove("read-at");
                foreach (var (_, child) in value.ToList())
                    RemoveWhereAndWhen(child);
                break;
            case JsonArray items:
                foreach (var child in items)
                    RemoveWhereAndWhen(child);
                break;
        }
    }

    /// <summary>The learner opens the lab in the real TUI, goes to the manual step and presses a.</summary>
    private void AcknowledgeInTheTui(string learner, string stepTitle)
    {
        using var tmux = JoinLines.OpenLabInTmux(Home(learner), folder.Path);
        tmux.WaitFor("Step 1 of 8", Patience);
        foreach (var step in new[] { 2, 3, 4 })
        {
            tmux.SendKeys("n");
            tmux.WaitFor($"Step {step} of 8", Patience);
        }
        tmux.WaitFor($"Step 4 of 8 · {stepTitle}", Patience);
        tmux.SendKeys("a");
        tmux.WaitFor($"☑ {stepTitle}", Patience);
        tmux.SendKeys("q");
        tmux.WaitFor("EXITED 0", Patience);
    }

    private Task<Dictionary<string, string[]>> AddLearnersAsync(params string[] names) => JoinLines.AddLearnersAsync(folder.Path, InstructorHome, names);

    private string Home(string name) => Directory.CreateDirectory(folder.PathOf(name)).FullName;
}
