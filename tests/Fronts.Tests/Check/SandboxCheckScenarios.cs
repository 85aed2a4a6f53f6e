using System.Text.Json;
using LabRunner.Cli;
using LabRunner.Rds.Model;
using LabRunner.TestSupport.Peers;
using LabRunner.TestSupport.Sandbox;

namespace LabRunner.Fronts.Tests.Check;

/// <summary>The scenario matrix against LabRunner's sandbox on a fake clock, plus what only it can show: a snapshot being created and a change pending.</summary>
public sealed class SandboxCheckScenarios : CheckScenarios
{
    private SandboxFixture? sandbox;
    private SandboxRdsPeer? peer;

    protected override IRdsPeer Peer => peer!;

    public override async Task InitializeAsync()
    {
        sandbox = await SandboxFixture.StartAsync(options => options with { SnapshotDuration = TimeSpan.FromMinutes(10) });
        peer = new SandboxRdsPeer(sandbox);
    }

    public override async Task DisposeAsync()
    {
        await sandbox!.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task An_endpoint_is_named_endpoint_with_its_address_in_json()
    {
        var run = await CheckAsync();

        using var json = JsonDocument.Parse(run.Output);
        var target = json.RootElement.GetProperty("target");
        Assert.Equal("endpoint", target.GetProperty("kind").GetString());
        Assert.Equal(sandbox!.Uri.ToString(), target.GetProperty("endpoint").GetString());
    }

    [Fact]
    public async Task Cluster_not_available()
    {
        await Peer.CreateClusterWithoutWriterAsync("alice");

        var run = await CheckAsync();

        Assert.Equal(ExitCodes.NotPassed, run.ExitCode);
        Assert.Equal(("find-cluster", "in-progress", "cluster aurora-alice-cluster is creating, expected available", (int?)0), run.Steps()[0]);
    }

    [Fact]
    public async Task Snapshot_creating_is_in_progress_with_its_percent()
    {
        await Peer.SeedLearnerAsync("alice");
        await Peer.CreateSnapshotAsync("aurora-alice-snap1", "aurora-alice-cluster");
        sandbox!.Time.Advance(TimeSpan.FromMinutes(4.5));

        var run = await CheckAsync();

        Assert.Equal(ExitCodes.NotPassed, run.ExitCode);
        var steps = run.Steps();
        Assert.Equal(("take-snapshot", "passed", "manual snapshot aurora-alice-snap1 of aurora-alice-cluster is creating", (int?)null), steps[1]);
        Assert.Equal(("snapshot-available", "in-progress", "snapshot aurora-alice-snap1 is being created (45 % done); waiting for it to be available", 45), steps[2]);
    }

    /// <summary>
    /// RDS applies an Aurora backup window at once and ClusterPendingModifiedValues has no backup-window field, so the
    /// sandbox (following RDS) shows "changed but pending" as the window applied while an engine version change waits
    /// for the maintenance window, which the step's nothing-pending check names.
    /// </summary>
    [Fact]
    public async Task Window_changed_but_another_change_pending()
    {
        await Peer.SeedLearnerAsync("alice");
        await Peer.ModifyClusterAsync(new ModifyDBClusterRequest("aurora-alice-cluster")
        {
            PreferredBackupWindow = "05:00-05:45",
            EngineVersion = "8.0.mysql_aurora.3.09.0",
            ApplyImmediately = false,
        });

        var run = await CheckAsync();

        Assert.Equal(("modify-backup-window", "failed", "change to engine version 8.0.mysql_aurora.3.09.0 is pending, not applied", (int?)null), run.Steps()[4]);
    }
}
