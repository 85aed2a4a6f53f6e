using LabRunner.Cli;
using LabRunner.Rds.Model;
using LabRunner.TestSupport;
using LabRunner.TestSupport.Peers;

namespace LabRunner.Fronts.Tests.Check;

/// <summary>
/// Issue 4's scenario matrix: <c>labrunner check labs/aurora-backup</c> against a real RDS peer reached with
/// <c>--endpoint</c>, every step's status and reason and the exit code asserted. One subclass per peer.
/// </summary>
public abstract class CheckScenarios : IAsyncLifetime, IDisposable
{
    private const string NotFoundCluster = "cluster aurora-alice-cluster not found";
    private const string NoSnapshot = "snapshot aurora-alice-snap1 not found";
    private const string Manual = "a step you do yourself; LabRunner cannot check it";

    private readonly TempDirectory data = new();

    protected abstract IRdsPeer Peer { get; }

    public static string LabPath => Repository.PathOf("labs", "aurora-backup");

    public virtual Task InitializeAsync() => Peer.ResetAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        data.Dispose();
        GC.SuppressFinalize(this);
    }

    protected Task<CliRun> CheckAsync(string name = "alice") =>
        CliRun.RunAsync(["check", LabPath, "--var", $"yourname={name}", "--endpoint", Peer.Endpoint.ToString(), "--format", "json", "--data-dir", data.Path]);

    protected Task<CliRun> PerformAsync(string step, string name = "alice") =>
        CliRun.RunAsync(["perform", LabPath, "--step", step, "--var", $"yourname={name}", "--endpoint", Peer.Endpoint.ToString(), "--yes", "--data-dir", data.Path]);

    /// <summary>The required steps exactly as <paramref name="expected"/>; the optional section's steps follow, none passed (they never change the exit code).</summary>
    protected static void AssertSteps(CliRun run, int exitCode, params (string Id, string Status, string Detail)[] expected)
    {
        Assert.True(run.ExitCode == exitCode, $"exit {run.ExitCode}, expected {exitCode}; stderr: {run.Error}");
        var steps = run.Steps();
        Assert.Equal(expected, steps.Take(expected.Length).Select(step => (step.Id, step.Status, step.Detail)));
        Assert.Equal(OptionalSteps, steps.Skip(expected.Length).Select(step => step.Id));
        Assert.All(steps.Skip(expected.Length), step => Assert.NotEqual("passed", step.Status));
    }

    private static readonly string[] OptionalSteps = ["copy-snapshot", "share-snapshot", "restore-snapshot"];

    [PeerFact]
    public async Task Optional_section_performed_and_checked_never_changes_the_exit_code()
    {
        await Peer.SeedLearnerAsync("alice");
        await PerformAsync("take-snapshot");
        await Peer.SettleAsync();
        var performed = new List<CliRun>();
        foreach (var step in OptionalSteps)
            performed.Add(await PerformAsync(step));
        await Peer.SettleAsync();

        var run = await CheckAsync();

        Assert.All(performed, perform => Assert.True(perform.ExitCode == ExitCodes.Ok, perform.Output + perform.Error));
        Assert.Equal(ExitCodes.NotPassed, run.ExitCode);
        Assert.Equal(
            [
                ("copy-snapshot", "passed", "snapshot aurora-alice-snap1-copy of aurora-alice-cluster is available"),
                ("share-snapshot", "passed", "snapshot aurora-alice-snap1 is shared with account 123456789012"),
                ("restore-snapshot", "passed", "cluster aurora-alice-restored is available, writer aurora-alice-restored-1"),
            ],
            run.Steps().Skip(5).Select(step => (step.Id, step.Status, step.Detail)));
        using var json = System.Text.Json.JsonDocument.Parse(run.Output);
        Assert.Equal((3, 4, 3, 3), (json.RootElement.GetProperty("passed").GetInt32(), json.RootElement.GetProperty("total").GetInt32(),
            json.RootElement.GetProperty("optional-passed").GetInt32(), json.RootElement.GetProperty("optional-total").GetInt32()));
    }

    [PeerFact]
    public async Task No_cluster()
    {
        AssertSteps(await CheckAsync(), ExitCodes.NotPassed,
            ("find-cluster", "failed", NotFoundCluster),
            ("take-snapshot", "failed", NoSnapshot),
            ("snapshot-available", "failed", NoSnapshot),
            ("snapshot-actions", "manual", Manual),
            ("modify-backup-window", "failed", NotFoundCluster));
    }

    [PeerFact]
    public async Task Cluster_without_a_writer()
    {
        await Peer.CreateClusterWithoutWriterAsync("alice");
        await Peer.SettleAsync();

        var run = await CheckAsync();

        Assert.Equal(ExitCodes.NotPassed, run.ExitCode);
        Assert.Equal(("find-cluster", "failed", "cluster aurora-alice-cluster has no writer instance"), Step(run, "find-cluster"));
    }

    [PeerFact]
    public async Task Fresh_cluster_only_the_first_step_passes()
    {
        await Peer.SeedLearnerAsync("alice");

        AssertSteps(await CheckAsync(), ExitCodes.NotPassed,
            ("find-cluster", "passed", "cluster aurora-alice-cluster is available, writer aurora-alice-instance-1"),
            ("take-snapshot", "failed", NoSnapshot),
            ("snapshot-available", "failed", NoSnapshot),
            ("snapshot-actions", "manual", Manual),
            ("modify-backup-window", "failed", "backup window is 07:10-07:40, expected 05:00-05:45"));
    }

    [PeerFact]
    public async Task Snapshot_of_another_cluster()
    {
        await Peer.SeedLearnerAsync("alice");
        await Peer.SeedLearnerAsync("bob");
        await Peer.CreateSnapshotAsync("aurora-alice-snap1", "aurora-bob-cluster");
        await Peer.SettleAsync();

        var run = await CheckAsync();

        Assert.Equal(("take-snapshot", "failed", "snapshot aurora-alice-snap1 belongs to aurora-bob-cluster, expected aurora-alice-cluster"), Step(run, "take-snapshot"));
        // Waiting for "your snapshot" holds it to your cluster too: another cluster's snapshot under your name is not yours.
        Assert.Equal(("snapshot-available", "failed", "snapshot aurora-alice-snap1 belongs to aurora-bob-cluster, expected aurora-alice-cluster"), Step(run, "snapshot-available"));
    }

    [PeerFact]
    public async Task Snapshot_available_and_window_as_required_pass_every_step()
    {
        await Peer.SeedLearnerAsync("alice");
        await Peer.CreateSnapshotAsync("aurora-alice-snap1", "aurora-alice-cluster");
        await Peer.ModifyClusterAsync(new ModifyDBClusterRequest("aurora-alice-cluster") { PreferredBackupWindow = "05:00-05:45", ApplyImmediately = true });
        await Peer.SettleAsync();

        AssertSteps(await CheckAsync(), ExitCodes.Ok,
            ("find-cluster", "passed", "cluster aurora-alice-cluster is available, writer aurora-alice-instance-1"),
            ("take-snapshot", "passed", "manual snapshot aurora-alice-snap1 of aurora-alice-cluster is available"),
            ("snapshot-available", "passed", "snapshot aurora-alice-snap1 of aurora-alice-cluster is available"),
            ("snapshot-actions", "manual", Manual),
            ("modify-backup-window", "passed", "cluster aurora-alice-cluster is available, backup window 05:00-05:45, nothing pending"));
    }

    [PeerFact]
    public async Task Window_changed_to_another_value_says_both()
    {
        await Peer.SeedLearnerAsync("alice");
        await Peer.ModifyClusterAsync(new ModifyDBClusterRequest("aurora-alice-cluster") { PreferredBackupWindow = "01:37-02:07", ApplyImmediately = true });

        var run = await CheckAsync();

        Assert.Equal(("modify-backup-window", "failed", "backup window is 01:37-02:07, expected 05:00-05:45"), Step(run, "modify-backup-window"));
    }

    [PeerFact]
    public async Task Two_learners_side_by_side_do_not_see_each_others_work()
    {
        await Peer.SeedLearnerAsync("alice");
        await Peer.SeedLearnerAsync("bob");

        var performed = await PerformAsync("take-snapshot", "alice");
        await Peer.SettleAsync();
        var alice = await CheckAsync("alice");
        var bob = await CheckAsync("bob");

        Assert.Equal(ExitCodes.Ok, performed.ExitCode);
        Assert.Equal(("take-snapshot", "passed", "manual snapshot aurora-alice-snap1 of aurora-alice-cluster is available"), Step(alice, "take-snapshot"));
        Assert.Equal(("take-snapshot", "failed", "snapshot aurora-bob-snap1 not found"), Step(bob, "take-snapshot"));
        Assert.Equal(("find-cluster", "passed", "cluster aurora-bob-cluster is available, writer aurora-bob-instance-1"), Step(bob, "find-cluster"));
    }

    [PeerFact]
    public async Task A_mixed_case_learner_name_finds_the_lower_case_resources()
    {
        await Peer.SeedLearnerAsync("alice");

        var run = await CheckAsync("Alice");

        Assert.Equal(("find-cluster", "passed", "cluster aurora-alice-cluster is available, writer aurora-alice-instance-1"), Step(run, "find-cluster"));
        Assert.Contains("\"yourname\": \"Alice\"", run.Output);
    }

    private static (string Id, string Status, string Detail) Step(CliRun run, string id)
    {
        var step = run.Steps().Single(step => step.Id == id);
        return (step.Id, step.Status, step.Detail);
    }
}
