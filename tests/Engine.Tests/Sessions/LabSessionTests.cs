using LabRunner.Content.Loading;
using LabRunner.Content.Model;
using LabRunner.Engine.Actions;
using LabRunner.Engine.Plans;
using LabRunner.Engine.Progress;
using LabRunner.Engine.Sessions;
using LabRunner.Engine.Steps;
using LabRunner.Engine.Targets;
using LabRunner.Rds;
using LabRunner.Rds.Model;
using LabRunner.TestSupport.Moto;
using LabRunner.TestSupport.Peers;

namespace LabRunner.Engine.Tests.Sessions;

[CollectionDefinition("moto")]
public sealed class MotoCollection : ICollectionFixture<MotoServer>;

/// <summary>A learner's session over real HTTP against moto: reads, progress, baselines, acknowledgements, events.</summary>
[Collection("moto")]
public sealed class LabSessionTests(MotoServer moto) : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory data = new();
    private readonly MotoRdsPeer peer = new(moto);
    private readonly List<RdsQueryClient> clients = [];

    public async Task InitializeAsync()
    {
        await peer.ResetAsync();
        await peer.SeedLearnerAsync("alice");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        clients.ForEach(client => client.Dispose());
        data.Dispose();
    }

    private static Lab AuroraLab() => LabLoader.Load(Repository.PathOf("labs", "aurora-backup")).Lab!;

    private TargetInfo Target => new(TargetKind.Aws, peer.Endpoint, peer.Region);

    private async Task<(LabSession Session, RdsQueryClient Client)> OpenAsync(Lab lab, string name = "alice")
    {
        var client = await peer.CreateClientAsync();
        clients.Add(client);
        var plan = LabPlan.Bind(lab, TestLabs.Learner(lab, name));
        return (new LabSession(plan, client, Target, new ProgressStore(data.Path, TimeProvider.System)), client);
    }

    [PeerFact(RealPeer.Moto)]
    public async Task Checking_the_whole_lab_reads_each_resource_kind_once()
    {
        var (session, client) = await OpenAsync(AuroraLab());

        var results = await session.CheckAllAsync();

        // Clusters, snapshots, and who the learner's snapshot is shared with (the optional section's check).
        Assert.Equal(3, client.Stats.Calls);
        Assert.Equal(["passed", "failed", "failed", "manual", "failed", "failed", "failed", "failed"], results.Select(result => result.Status.WireName()));
    }

    [PeerFact(RealPeer.Moto)]
    public async Task A_new_result_raises_an_event()
    {
        var (session, _) = await OpenAsync(AuroraLab());
        var seen = new List<StepResult>();
        session.StepResultChanged += (_, result) => seen.Add(result);

        await session.CheckStepAsync("find-cluster");
        session.Acknowledge("snapshot-actions");

        Assert.Equal([("find-cluster", StepStatus.Passed), ("snapshot-actions", StepStatus.Acknowledged)], seen.Select(result => (result.StepId, result.Status)));
    }

    [PeerFact(RealPeer.Moto)]
    public async Task Progress_is_saved_and_a_new_session_resumes_where_the_learner_was()
    {
        var (session, _) = await OpenAsync(AuroraLab());
        await session.PerformAsync("take-snapshot");
        await session.CheckAllAsync();
        session.Acknowledge("snapshot-actions");

        var (resumed, client) = await OpenAsync(AuroraLab());

        Assert.Equal(0, client.Stats.Calls);
        Assert.Equal(["passed", "passed", "passed", "acknowledged", "failed", "failed", "failed", "failed"], resumed.Results.Select(result => result.Status.WireName()));
        Assert.Equal("backup window is 07:10-07:40, expected 05:00-05:45", resumed.ResultOf("modify-backup-window").Reason);
        Assert.Equal("modify-backup-window", resumed.FirstUnfinishedStepId);
        Assert.False(resumed.AllCheckedStepsPassed);
    }

    [PeerFact(RealPeer.Moto)]
    public async Task What_LabRunner_created_is_remembered_for_the_recap_until_it_is_cleaned_up()
    {
        var (session, _) = await OpenAsync(AuroraLab());

        await session.PerformAsync("modify-backup-window");
        Assert.Empty(session.CreatedForLearner);
        await session.PerformAsync("take-snapshot");
        Assert.Equal(["aurora-alice-snap1"], session.CreatedForLearner);
        Assert.Equal(["aurora-alice-snap1"], (await OpenAsync(AuroraLab())).Session.CreatedForLearner);

        await session.CleanupAsync();
        Assert.Empty(session.CreatedForLearner);
    }

    [PeerFact(RealPeer.Moto)]
    public async Task A_snapshot_the_learner_took_themselves_is_not_called_created_for_them()
    {
        var (session, client) = await OpenAsync(AuroraLab());

        await client.CreateDBClusterSnapshotAsync(new CreateDBClusterSnapshotRequest("aurora-alice-snap1", "aurora-alice-cluster"));
        var performed = await session.PerformAsync("take-snapshot");

        Assert.Equal(ActionOutcomeKind.AlreadyDone, performed.Outcome.Kind);
        Assert.Empty(session.CreatedForLearner);
    }

    [PeerFact(RealPeer.Moto)]
    public async Task Performing_every_step_passes_every_checked_step()
    {
        var (session, _) = await OpenAsync(AuroraLab());

        var snapshot = await session.PerformAsync("take-snapshot");
        var window = await session.PerformAsync("modify-backup-window");
        await session.CheckAllAsync();

        Assert.Equal(ActionOutcomeKind.Done, snapshot.Outcome.Kind);
        Assert.Equal(StepStatus.Passed, window.Result.Status);
        Assert.True(session.AllCheckedStepsPassed);
        Assert.Equal("snapshot-actions", session.FirstUnfinishedStepId);
    }

    [PeerFact(RealPeer.Moto)]
    public async Task A_baseline_is_recorded_when_the_step_is_first_opened_and_kept_across_sessions()
    {
        var lab = TestLabs.Lab([TestLabs.Step("move-window", [TestLabs.Spec("db-cluster", ("cluster", "{cluster}"), ("backup-window-changed", "true"))])]);
        var (first, _) = await OpenAsync(lab);

        var unchanged = await first.OpenStepAsync("move-window");
        await peer.ModifyClusterAsync(new ModifyDBClusterRequest("aurora-alice-cluster") { PreferredBackupWindow = "01:37-02:07", ApplyImmediately = true });
        var (second, _) = await OpenAsync(lab);
        var changed = await second.CheckStepAsync("move-window");

        Assert.Equal((StepStatus.Failed, "backup window is still 07:10-07:40, expected a change"), (unchanged.Status, unchanged.Reason));
        Assert.Equal((StepStatus.Passed, "cluster aurora-alice-cluster is available, backup window changed from 07:10-07:40 to 01:37-02:07"), (changed.Status, changed.Reason));
    }

    [PeerFact(RealPeer.Moto)]
    public async Task Only_manual_steps_can_be_acknowledged()
    {
        var (session, _) = await OpenAsync(AuroraLab());

        Assert.Throws<InvalidOperationException>(() => session.Acknowledge("find-cluster"));
        Assert.StartsWith("you marked it done at ", session.Acknowledge("snapshot-actions").Reason);
    }

    [PeerFact(RealPeer.Moto)]
    public async Task A_damaged_progress_file_is_set_aside_and_the_session_says_so()
    {
        var path = new ProgressStore(data.Path, TimeProvider.System).PathFor("aurora-backup", Target.ProgressKey, "alice");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, "not json");

        var (session, _) = await OpenAsync(AuroraLab());

        Assert.Contains($"progress file {path} could not be read", session.ProgressWarning);
        Assert.Equal(StepStatus.NotChecked, session.ResultOf("find-cluster").Status);
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!, "alice.json.corrupt-*"));
    }

    [PeerFact(RealPeer.Moto)]
    public async Task Progress_never_holds_credentials()
    {
        var (session, _) = await OpenAsync(AuroraLab());
        await session.CheckAllAsync();

        var saved = Directory.GetFiles(Path.Combine(data.Path, "progress"), "*.json", SearchOption.AllDirectories).Select(File.ReadAllText).Single();

        var credentials = PeerClients.TestCredentials.GetCredentials();
        Assert.DoesNotContain(credentials.AccessKey, saved);
        Assert.DoesNotContain(credentials.SecretKey, saved);
        Assert.Contains("\"yourname\": \"alice\"", saved);
    }
}
