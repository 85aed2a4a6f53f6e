using LabRunner.Engine.Checks;
using LabRunner.Engine.State;
using LabRunner.Engine.Steps;
using LabRunner.Rds.Model;

namespace LabRunner.Engine.Tests.Checks;

public class DbClusterSnapshotCheckTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly DbClusterSnapshotCheck Check = new("aurora-alice-snap1", "aurora-alice-cluster", "manual", "available");

    private static StateSnapshot State(string cluster = "aurora-alice-cluster", string status = "available", string type = "manual", int? percent = 100, DateTimeOffset? created = null) =>
        new(Now,
        [
            new DBClusterSnapshot
            {
                DBClusterSnapshotIdentifier = "aurora-alice-snap1",
                DBClusterIdentifier = cluster,
                Status = status,
                SnapshotType = type,
                PercentProgress = percent,
                SnapshotCreateTime = created,
            },
        ]);

    private static Verdict Judge(StateSnapshot state) => Check.Judge(state, _ => null);

    [Fact]
    public void A_missing_snapshot_is_not_there_yet()
    {
        var verdict = Judge(new StateSnapshot(Now));

        Assert.Equal(new Verdict(StepStatus.Failed, "snapshot aurora-alice-snap1 not found", Settled: false), verdict);
    }

    [Fact]
    public void A_snapshot_of_another_cluster_fails_for_good_naming_both()
    {
        var verdict = Judge(State(cluster: "aurora-bob-cluster"));

        Assert.Equal(new Verdict(StepStatus.Failed, "snapshot aurora-alice-snap1 belongs to aurora-bob-cluster, expected aurora-alice-cluster"), verdict);
    }

    [Fact]
    public void An_automated_snapshot_is_not_the_manual_one_asked_for()
    {
        Assert.Equal("snapshot aurora-alice-snap1 is automated, expected manual", Judge(State(type: "automated")).Reason);
    }

    [Fact]
    public void A_creating_snapshot_is_in_progress_with_its_percent()
    {
        var verdict = Judge(State(status: "creating", percent: 45));

        Assert.Equal(new Verdict(StepStatus.InProgress, "snapshot aurora-alice-snap1 is being created (45 % done); waiting for it to be available", 45, Settled: false), verdict);
    }

    [Fact]
    public void A_creating_snapshot_says_since_when_it_is_being_created()
    {
        var started = Now.AddMinutes(-3);

        Assert.Equal(started, Judge(State(status: "creating", percent: 66, created: started)).Since);
    }

    [Fact]
    public void A_failed_snapshot_fails_for_good()
    {
        var verdict = Judge(State(status: "failed"));

        Assert.Equal(new Verdict(StepStatus.Failed, "snapshot aurora-alice-snap1 is failed, expected available"), verdict);
    }

    [Fact]
    public void An_available_snapshot_of_the_cluster_passes()
    {
        var verdict = Judge(State());

        Assert.Equal(new Verdict(StepStatus.Passed, "manual snapshot aurora-alice-snap1 of aurora-alice-cluster is available"), verdict);
    }

    [Fact]
    public void Without_a_status_a_creating_snapshot_already_passes()
    {
        var verdict = new DbClusterSnapshotCheck("aurora-alice-snap1", "aurora-alice-cluster", null, null).Judge(State(status: "creating", percent: 5), _ => null);

        Assert.Equal(new Verdict(StepStatus.Passed, "snapshot aurora-alice-snap1 of aurora-alice-cluster is creating"), verdict);
    }
}
