using LabRunner.Cli;
using LabRunner.Rds.Model;
using LabRunner.TestSupport;
using LabRunner.TestSupport.Http;
using LabRunner.TestSupport.Moto;
using LabRunner.TestSupport.Peers;
using Microsoft.AspNetCore.Http;

namespace LabRunner.Fronts.Tests.Check;

/// <summary>check, perform and cleanup: usage errors before any call (2), target errors (3), confirmation, and touching only the learner's own resources.</summary>
[Collection("moto")]
public sealed class CommandExitTests(MotoServer moto) : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory data = new();
    private readonly MotoRdsPeer peer = new(moto);

    public Task InitializeAsync() => peer.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => data.Dispose();

    private string[] Args(string command, string name, Uri endpoint, params string[] more) =>
        [command, CheckScenarios.LabPath, "--var", $"yourname={name}", "--endpoint", endpoint.ToString(), "--data-dir", data.Path, .. more];

    [PeerFact(RealPeer.Moto)]
    public async Task An_invalid_learner_name_is_a_usage_error_before_any_API_call()
    {
        await using var server = await ScriptedHttpServer.StartAsync((context, _) => context.Response.WriteAsync("unexpected"));

        var run = await CliRun.RunAsync(Args("check", "bob_1", server.Endpoint));

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("labrunner: --var: resource cluster 'aurora-bob_1-cluster' is not a valid RDS identifier: it may hold only letters, digits and hyphens, not '_'", run.Error);
        Assert.Empty(server.Requests);
        Assert.Equal("", run.Output);
    }

    [PeerFact(RealPeer.Moto)]
    public async Task An_unreachable_endpoint_is_a_target_error_with_a_readable_reason()
    {
        var nowhere = new Uri($"http://127.0.0.1:{FreePort.Next()}/");

        var run = await CliRun.RunAsync(Args("check", "alice", nowhere, "--format", "json"));

        Assert.Equal(ExitCodes.Target, run.ExitCode);
        var findCluster = run.Steps()[0];
        Assert.Equal("error", findCluster.Status);
        Assert.StartsWith($"could not read DB clusters: Nothing is listening at {nowhere}", findCluster.Detail);
        Assert.Contains($"labrunner: could not use the target RDS endpoint {nowhere.Authority} us-east-1 ({nowhere}): could not read DB clusters: Nothing is listening", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [PeerFact(RealPeer.Moto)]
    public async Task A_bad_flag_value_is_a_usage_error_naming_it()
    {
        var run = await CliRun.RunAsync(Args("check", "alice", moto.Endpoint, "--format", "yaml"));

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("labrunner: --format 'yaml' is not text, json, junit or markdown", run.Error);
    }

    [PeerFact(RealPeer.Moto)]
    public async Task A_missing_lab_is_a_usage_error()
    {
        var run = await CliRun.RunAsync(["check", Path.Combine(data.Path, "no-such-lab"), "--var", "yourname=alice"]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("error LR001: no lab at", run.Error);
    }

    [PeerFact(RealPeer.Moto)]
    public async Task Perform_without_a_terminal_and_without_yes_refuses_and_does_nothing()
    {
        await peer.SeedLearnerAsync("alice");

        var run = await CliRun.RunAsync(Args("perform", "alice", moto.Endpoint, "--step", "take-snapshot"));

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("labrunner: standard input is not a terminal, so nobody can confirm; add --yes to go ahead without asking", run.Error);
        Assert.Contains("command  aws rds create-db-cluster-snapshot --db-cluster-snapshot-identifier aurora-alice-snap1 --db-cluster-identifier aurora-alice-cluster", run.Output);
        Assert.Empty(await SnapshotsAsync());
    }

    [PeerFact(RealPeer.Moto)]
    public async Task Perform_answered_no_does_nothing_and_answered_yes_performs_then_rechecks()
    {
        await peer.SeedLearnerAsync("alice");

        var declined = await CliRun.RunAsync(Args("perform", "alice", moto.Endpoint, "--step", "take-snapshot"), answer: "n");
        var snapshotsAfterNo = await SnapshotsAsync();
        var accepted = await CliRun.RunAsync(Args("perform", "alice", moto.Endpoint, "--step", "take-snapshot"), answer: "y");

        Assert.Equal(ExitCodes.NotPassed, declined.ExitCode);
        Assert.Contains("Nothing done.", declined.Output);
        Assert.Empty(snapshotsAfterNo);
        Assert.Equal(ExitCodes.Ok, accepted.ExitCode);
        Assert.Contains("Perform it? [y/N] done: snapshot aurora-alice-snap1 of cluster aurora-alice-cluster is available", accepted.Output);
        Assert.Contains("✓ take-snapshot: passed, manual snapshot aurora-alice-snap1 of aurora-alice-cluster is available", accepted.Output);
        Assert.Equal(["aurora-alice-snap1"], (await SnapshotsAsync()).Select(snapshot => snapshot.DBClusterSnapshotIdentifier));
    }

    [PeerFact(RealPeer.Moto)]
    public async Task Performing_again_is_success_and_a_same_named_snapshot_of_another_cluster_is_refused()
    {
        await peer.SeedLearnerAsync("alice");
        await peer.SeedLearnerAsync("bob");
        await peer.CreateSnapshotAsync("aurora-bob-snap1", "aurora-alice-cluster");

        var first = await CliRun.RunAsync(Args("perform", "alice", moto.Endpoint, "--step", "take-snapshot", "--yes"));
        var again = await CliRun.RunAsync(Args("perform", "alice", moto.Endpoint, "--step", "take-snapshot", "--yes"));
        var bob = await CliRun.RunAsync(Args("perform", "bob", moto.Endpoint, "--step", "take-snapshot", "--yes"));

        Assert.Equal(ExitCodes.Ok, first.ExitCode);
        Assert.Equal(ExitCodes.Ok, again.ExitCode);
        Assert.Contains("nothing to do: snapshot aurora-alice-snap1 of cluster aurora-alice-cluster already exists", again.Output);
        Assert.Equal(ExitCodes.NotPassed, bob.ExitCode);
        Assert.Contains("refused: a snapshot named aurora-bob-snap1 already exists of cluster aurora-alice-cluster, not of aurora-bob-cluster; it was left alone", bob.Output);
    }

    [PeerFact(RealPeer.Moto)]
    public async Task Perform_of_a_step_without_an_action_or_an_unknown_step_is_a_usage_error()
    {
        var checkOnly = await CliRun.RunAsync(Args("perform", "alice", moto.Endpoint, "--step", "find-cluster", "--yes"));
        var unknown = await CliRun.RunAsync(Args("perform", "alice", moto.Endpoint, "--step", "fly", "--yes"));

        Assert.Equal(ExitCodes.Usage, checkOnly.ExitCode);
        Assert.Contains("labrunner: --step 'find-cluster': LabRunner cannot perform this step, only check it; the steps it can perform are take-snapshot, modify-backup-window", checkOnly.Error);
        Assert.Equal(ExitCodes.Usage, unknown.ExitCode);
        Assert.Contains("labrunner: --step 'fly': lab aurora-backup has no such step", unknown.Error);
    }

    [PeerFact(RealPeer.Moto)]
    public async Task Cleanup_deletes_the_learners_snapshot_and_nothing_else()
    {
        await peer.SeedLearnerAsync("alice");
        await peer.SeedLearnerAsync("bob");
        await peer.CreateSnapshotAsync("aurora-alice-snap1", "aurora-alice-cluster");
        await peer.CreateSnapshotAsync("aurora-bob-snap1", "aurora-bob-cluster");
        await peer.CreateSnapshotAsync("aurora-alice-extra", "aurora-alice-cluster");

        var run = await CliRun.RunAsync(Args("cleanup", "alice", moto.Endpoint, "--yes"));
        var again = await CliRun.RunAsync(Args("cleanup", "alice", moto.Endpoint, "--yes"));

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("  - delete snapshot aurora-alice-snap1    (aws rds delete-db-cluster-snapshot --db-cluster-snapshot-identifier aurora-alice-snap1", run.Output);
        Assert.Contains("done: snapshot aurora-alice-snap1 deleted", run.Output);
        Assert.Equal(["aurora-alice-extra", "aurora-bob-snap1"], (await SnapshotsAsync()).Select(snapshot => snapshot.DBClusterSnapshotIdentifier).Order());
        Assert.Equal(ExitCodes.Ok, again.ExitCode);
        Assert.Contains("nothing to do: snapshot aurora-alice-snap1 was already gone", again.Output);
    }

    private async Task<IReadOnlyList<DBClusterSnapshot>> SnapshotsAsync()
    {
        using var client = await peer.CreateClientAsync();
        return (await client.DescribeDBClusterSnapshotsAsync(new DescribeDBClusterSnapshotsRequest { SnapshotType = "manual" })).DBClusterSnapshots;
    }
}
