using LabRunner.Cli;
using LabRunner.TestSupport;

namespace LabRunner.Fronts.Tests.Check;

/// <summary>The default target: the CLI's own sandbox, started in-process with its state in the data directory and seeded with the learner's fixtures.</summary>
public sealed class SandboxTargetTests : IDisposable
{
    private readonly TempDirectory data = new();

    public void Dispose() => data.Dispose();

    private Task<CliRun> RunAsync(params string[] args) =>
        CliRun.RunAsync([args[0], CheckScenarios.LabPath, "--var", "yourname=alice", "--data-dir", data.Path, .. args[1..]]);

    [Fact]
    public async Task A_learner_goes_from_a_fresh_sandbox_to_every_step_passed_and_cleans_up()
    {
        var fresh = await RunAsync("check", "--format", "json");
        var snapshot = await RunAsync("perform", "--step", "take-snapshot", "--yes");
        var window = await RunAsync("perform", "--step", "modify-backup-window", "--yes");
        var done = await RunAsync("check", "--wait", "--format", "json");
        var cleanup = await RunAsync("cleanup", "--yes");
        var after = await RunAsync("check", "--format", "json");

        Assert.Equal(ExitCodes.NotPassed, fresh.ExitCode);
        Assert.Equal(["passed", "failed", "failed", "manual", "failed"], fresh.RequiredSteps().Select(step => step.Status));
        Assert.Contains("\"kind\": \"sandbox\"", fresh.Output);
        Assert.DoesNotContain("\"endpoint\"", fresh.Output);
        Assert.Equal((ExitCodes.Ok, ExitCodes.Ok), (snapshot.ExitCode, window.ExitCode));
        Assert.StartsWith("target   SANDBOX (local practice, built into LabRunner)\n", snapshot.Output.ReplaceLineEndings("\n"));
        Assert.Equal(ExitCodes.Ok, done.ExitCode);
        Assert.Equal(["passed", "passed", "passed", "manual", "passed"], done.RequiredSteps().Select(step => step.Status));
        Assert.Equal(ExitCodes.Ok, cleanup.ExitCode);
        Assert.Contains("done: snapshot aurora-alice-snap1 deleted", cleanup.Output);
        Assert.Equal(["passed", "failed", "failed", "manual", "passed"], after.RequiredSteps().Select(step => step.Status));
        Assert.True(File.Exists(Path.Combine(data.Path, "sandbox", "state.json")));
        Assert.True(File.Exists(Path.Combine(data.Path, "progress", "aurora-backup", "sandbox", "alice.json")));
    }

    [Fact]
    public async Task The_sandbox_with_an_endpoint_is_a_usage_error()
    {
        var run = await RunAsync("check", "--target", "sandbox", "--endpoint", "http://127.0.0.1:1");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("labrunner: --target sandbox runs LabRunner's own sandbox: it takes no --endpoint or --profile (use --target aws with them)", run.Error);
    }

    [Fact]
    public async Task A_damaged_sandbox_state_file_is_a_target_error_naming_the_file_and_is_kept()
    {
        var state = Path.Combine(data.Path, "sandbox", "state.json");
        Directory.CreateDirectory(Path.GetDirectoryName(state)!);
        await File.WriteAllTextAsync(state, "{\"generation\": 3, \"clusters\": [");

        var run = await RunAsync("check");

        Assert.Equal(ExitCodes.Target, run.ExitCode);
        Assert.Contains($"labrunner: The sandbox state file {state} cannot be read: it is not valid sandbox state", run.Error);
        Assert.Equal("{\"generation\": 3, \"clusters\": [", await File.ReadAllTextAsync(state));
    }
}
