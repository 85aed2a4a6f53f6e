using System.Text.Json.Nodes;
using LabRunner.Cli;
using LabRunner.Cli.Commands;
using LabRunner.Cli.Targets;
using LabRunner.Engine.Plans;
using LabRunner.Engine.Targets;
using LabRunner.Tui.Hosting;
using LabRunner.TestSupport;
using LabRunner.TestSupport.Http;
using LabRunner.TestSupport.Moto;
using LabRunner.TestSupport.Peers;

namespace LabRunner.Fronts.Tests.Check;

/// <summary><c>labrunner doctor</c>: each way a learner's setup goes wrong, with its message and its exit code (as <c>check</c>'s).</summary>
[Collection("moto")]
public sealed class DoctorCommandTests(MotoServer moto) : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory data = new();
    private readonly MotoRdsPeer peer = new(moto);

    /// <summary>A fresh moto where it is here; the tests that need no moto run without it.</summary>
    public Task InitializeAsync() => PeerAvailability.MissingReason(RealPeer.Moto) is null ? peer.ResetAsync() : Task.CompletedTask;

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => data.Dispose();

    private Task<CliRun> DoctorAsync(string name, Uri endpoint, params string[] more) =>
        CliRun.RunAsync(["doctor", CheckScenarios.LabPath, "--var", $"yourname={name}", "--endpoint", endpoint.ToString(), "--data-dir", data.Path, .. more]);

    [PeerFact(RealPeer.Moto)]
    public async Task A_learner_whose_resources_are_there_is_ready_and_sees_the_API_actions_the_lab_calls()
    {
        await peer.SeedLearnerAsync("alice");

        var run = await DoctorAsync("alice", moto.Endpoint);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Output + run.Error);
        Assert.Contains("✓ cluster      aurora-alice-cluster is there", run.Output);
        // The optional section's copy, share and restore too.
        Assert.Contains("  perform  rds:CopyDBClusterSnapshot, rds:CreateDBClusterSnapshot, rds:CreateDBInstance, rds:DescribeDBClusterSnapshots, "
            + "rds:ModifyDBCluster, rds:ModifyDBClusterSnapshotAttribute, rds:RestoreDBClusterFromSnapshot", run.Output);
        Assert.Contains("  cleanup  rds:DeleteDBCluster, rds:DeleteDBClusterSnapshot, rds:DeleteDBInstance, rds:ModifyDBClusterSnapshotAttribute", run.Output);
    }

    [PeerFact(RealPeer.Moto)]
    public async Task A_misspelt_name_is_explained_with_the_clusters_the_region_holds()
    {
        await peer.SeedLearnerAsync("bobby");

        var run = await DoctorAsync("bob", moto.Endpoint);

        Assert.Equal(ExitCodes.NotPassed, run.ExitCode);
        Assert.Contains("✗ cluster      no cluster aurora-bob-cluster in us-east-1; in this region: aurora-bobby-cluster — is your name bobby?", run.Output);
    }

    [PeerFact(RealPeer.Moto)]
    public async Task A_wrong_region_is_named_when_the_learner_asks_for_all_regions()
    {
        await peer.SeedLearnerAsync("carol");

        var here = await DoctorAsync("carol", moto.Endpoint, "--region", "eu-west-1");
        var everywhere = await DoctorAsync("carol", moto.Endpoint, "--region", "eu-west-1", "--all-regions");

        Assert.Equal(ExitCodes.NotPassed, here.ExitCode);
        Assert.Contains("no cluster aurora-carol-cluster in eu-west-1, nor any other cluster: is this the account and region your instructor gave you?", here.Output);
        Assert.Equal(ExitCodes.NotPassed, everywhere.ExitCode);
        Assert.Contains("✗ cluster      your cluster aurora-carol-cluster is in us-east-1, not eu-west-1: run with --region us-east-1", everywhere.Output);
    }

    [PeerFact(RealPeer.Moto)]
    public async Task The_TUI_runs_the_same_preflight_before_step_1_off_the_sandbox()
    {
        await peer.SeedLearnerAsync("bobby");
        var lab = LabInvocation.LoadLab(CheckScenarios.LabPath);
        var plan = PlanBinding.Bind(lab, new Dictionary<string, string> { ["yourname"] = "bob" }).Plan!;
        await using var target = await TuiTarget.ConnectAsync(new TargetOptions(TargetKind.Aws, moto.Endpoint), data.Path, CancellationToken.None);

        var problem = await Assert.ThrowsAsync<TargetUnavailableException>(() => target.PrepareAsync(plan, CancellationToken.None));

        Assert.Equal("before step 1: cluster: no cluster aurora-bob-cluster in us-east-1; in this region: aurora-bobby-cluster — is your name bobby?; instance: no instance aurora-bob-instance-1 in us-east-1", problem.Message);
    }

    [Fact]
    public async Task Expired_credentials_are_a_target_problem_naming_their_source()
    {
        await using var server = await ScriptedHttpServer.StartAsync((context, _) => RdsReplies.Error(context, 403, "ExpiredToken", "The security token included in the request is expired"));

        var run = await DoctorAsync("alice", server.Endpoint);

        Assert.Equal(ExitCodes.Target, run.ExitCode);
        Assert.Contains("✗ RDS          ExpiredToken: The security token included in the request is expired (credentials from environment variables: set fresh AWS_ACCESS_KEY_ID", run.Output);
    }

    [Fact]
    public async Task A_clock_20_minutes_off_is_a_target_problem_saying_to_set_the_clock()
    {
        await using var server = await ScriptedHttpServer.StartAsync((context, _) =>
        {
            context.Response.Headers.Date = (DateTimeOffset.UtcNow + TimeSpan.FromMinutes(20)).ToString("R");
            return RdsReplies.Success(context, context.Request.Form["Action"].ToString(), "<DBClusters/><DBInstances/>");
        });

        var run = await DoctorAsync("alice", server.Endpoint);

        Assert.Equal(ExitCodes.Target, run.ExitCode);
        Assert.Contains("✗ clock        yours is 20 minutes behind the endpoint's: AWS refuses requests signed more than 15 minutes off; set your clock", run.Output);
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_a_target_problem()
    {
        var closed = new Uri($"http://127.0.0.1:{FreePort.Next()}/");

        var run = await DoctorAsync("alice", closed, "--region", "us-east-1");

        Assert.Equal(ExitCodes.Target, run.ExitCode);
        Assert.Contains($"✗ RDS          cannot reach {closed}", run.Output);
        Assert.DoesNotContain("   at ", run.Output + run.Error);
    }

    [PeerFact(RealPeer.Moto)]
    public async Task Json_says_the_same_as_text_with_the_same_exit_code()
    {
        await peer.SeedLearnerAsync("bobby");

        var text = await DoctorAsync("bob", moto.Endpoint);
        var json = await DoctorAsync("bob", moto.Endpoint, "--format", "json");

        Assert.Equal(text.ExitCode, json.ExitCode);
        var document = JsonNode.Parse(json.Output)!;
        Assert.Equal("problem", (string?)document["status"]);
        Assert.Equal("bob", (string?)document["learner"]);
        var cluster = document["checks"]!.AsArray().Single(check => (string?)check!["subject"] == "cluster")!;
        Assert.Equal(("problem", "no cluster aurora-bob-cluster in us-east-1; in this region: aurora-bobby-cluster — is your name bobby?"), ((string?)cluster["status"], (string?)cluster["text"]));
        var perform = document["api-actions"]!.AsArray().Single(group => (string?)group!["purpose"] == "perform")!;
        Assert.Contains("rds:CreateDBClusterSnapshot", perform["actions"]!.AsArray().Select(action => (string?)action));
    }

    [Fact]
    public async Task Json_for_an_unreachable_endpoint_is_a_target_problem_with_exit_3()
    {
        var closed = new Uri($"http://127.0.0.1:{FreePort.Next()}/");

        var run = await DoctorAsync("alice", closed, "--region", "us-east-1", "--format", "json");

        Assert.Equal(ExitCodes.Target, run.ExitCode);
        Assert.Equal("target-problem", (string?)JsonNode.Parse(run.Output)!["status"]);
    }
}
