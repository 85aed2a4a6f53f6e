using LabRunner.Engine.Checks;
using LabRunner.Engine.Specs;
using LabRunner.Engine.State;
using LabRunner.Engine.Steps;
using LabRunner.Rds;
using LabRunner.Rds.Model;

namespace LabRunner.Engine.Tests.Checks;

public class DbClusterCheckTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly BaselineLookup NoBaselines = _ => null;

    private static DBCluster Cluster(string status = "available", string window = "07:10-07:40", bool writer = true,
        int retention = 1, ClusterPendingModifiedValues? pending = null) => new()
        {
            DBClusterIdentifier = "aurora-alice-cluster",
            Status = status,
            PreferredBackupWindow = window,
            BackupRetentionPeriod = retention,
            DBClusterMembers = [new DBClusterMember { DBInstanceIdentifier = "aurora-alice-instance-1", IsClusterWriter = writer }],
            PendingModifiedValues = pending,
        };

    private static DbClusterCheck Check(string? status = null, bool? writer = null, string? window = null,
        bool windowChanged = false, int? minRetention = null, bool nothingPending = false) =>
        new("aurora-alice-cluster", status, writer, window is null ? null : Window(window), windowChanged, minRetention, nothingPending);

    private static TimeWindow Window(string text) => TimeWindow.TryParse(text, out var window, out _) ? window : throw new ArgumentException(text);

    private static StateSnapshot State(params DBCluster[] clusters) => new(Now, clusters);

    [Fact]
    public void A_missing_cluster_is_not_there_yet()
    {
        var verdict = Check(status: "available").Judge(State(), NoBaselines);

        Assert.Equal(StepStatus.Failed, verdict.Status);
        Assert.False(verdict.Settled);
        Assert.Equal("cluster aurora-alice-cluster not found", verdict.Reason);
    }

    [Fact]
    public void An_available_cluster_with_a_writer_passes_and_says_so()
    {
        var verdict = Check(status: "available", writer: true).Judge(State(Cluster()), NoBaselines);

        Assert.Equal(StepStatus.Passed, verdict.Status);
        Assert.Equal("cluster aurora-alice-cluster is available, writer aurora-alice-instance-1", verdict.Reason);
    }

    [Fact]
    public void A_stopped_cluster_fails_for_good()
    {
        var verdict = Check(status: "available").Judge(State(Cluster(status: "stopped")), NoBaselines);

        Assert.Equal(new Verdict(StepStatus.Failed, "cluster aurora-alice-cluster is stopped, expected available"), verdict);
    }

    [Fact]
    public void A_modifying_cluster_is_in_progress()
    {
        var verdict = Check(status: "available").Judge(State(Cluster(status: "modifying")), NoBaselines);

        Assert.Equal(StepStatus.InProgress, verdict.Status);
        Assert.Equal("cluster aurora-alice-cluster is modifying, expected available", verdict.Reason);
    }

    [Fact]
    public void A_cluster_without_a_writer_fails()
    {
        var verdict = Check(writer: true).Judge(State(Cluster(writer: false)), NoBaselines);

        Assert.Equal(StepStatus.Failed, verdict.Status);
        Assert.Equal("cluster aurora-alice-cluster has no writer instance", verdict.Reason);
    }

    [Fact]
    public void A_different_backup_window_says_what_it_is_and_what_was_expected()
    {
        var verdict = Check(window: "05:00-05:45").Judge(State(Cluster(window: "01:37-02:07")), NoBaselines);

        Assert.Equal(StepStatus.Failed, verdict.Status);
        Assert.Equal("backup window is 01:37-02:07, expected 05:00-05:45", verdict.Reason);
    }

    [Fact]
    public void The_required_backup_window_passes()
    {
        var verdict = Check(window: "05:00-05:45", nothingPending: true).Judge(State(Cluster(window: "05:00-05:45")), NoBaselines);

        Assert.Equal(StepStatus.Passed, verdict.Status);
        Assert.Equal("cluster aurora-alice-cluster is available, backup window 05:00-05:45, nothing pending", verdict.Reason);
    }

    /// <summary>
    /// RDS applies an Aurora backup window at once and ClusterPendingModifiedValues has no backup-window field, so
    /// "changed but pending" shows as another value waiting for the maintenance window, which nothing-pending names.
    /// </summary>
    [Fact]
    public void Nothing_pending_fails_on_any_pending_value_and_names_it()
    {
        var pending = new ClusterPendingModifiedValues { EngineVersion = "8.0.mysql_aurora.3.05.2" };
        var verdict = Check(window: "05:00-05:45", nothingPending: true).Judge(State(Cluster(window: "05:00-05:45", pending: pending)), NoBaselines);

        Assert.Equal(StepStatus.Failed, verdict.Status);
        Assert.Equal("change to engine version 8.0.mysql_aurora.3.05.2 is pending, not applied", verdict.Reason);
    }

    [Fact]
    public void Empty_pending_values_count_as_nothing_pending()
    {
        var verdict = Check(nothingPending: true).Judge(State(Cluster(pending: new ClusterPendingModifiedValues())), NoBaselines);

        Assert.Equal(StepStatus.Passed, verdict.Status);
    }

    [Fact]
    public void A_window_changed_from_the_baseline_passes_and_an_unchanged_one_fails()
    {
        var check = Check(windowChanged: true);
        BaselineLookup baseline = key => key == check.BackupWindowBaselineKey ? "07:10-07:40" : null;

        var unchanged = check.Judge(State(Cluster(window: "07:10-07:40")), baseline);
        var changed = check.Judge(State(Cluster(window: "05:00-05:45")), baseline);

        Assert.Equal(StepStatus.Failed, unchanged.Status);
        Assert.Equal("backup window is still 07:10-07:40, expected a change", unchanged.Reason);
        Assert.Equal(StepStatus.Passed, changed.Status);
        Assert.Equal("cluster aurora-alice-cluster is available, backup window changed from 07:10-07:40 to 05:00-05:45", changed.Reason);
    }

    [Fact]
    public void The_baseline_is_the_clusters_window_when_captured()
    {
        var capture = Assert.Single(Check(windowChanged: true).Baselines);

        Assert.Equal("db-cluster/aurora-alice-cluster/backup-window", capture.Key);
        Assert.Equal("07:10-07:40", capture.Capture(State(Cluster())));
        Assert.Null(capture.Capture(State()));
        Assert.Empty(Check(window: "05:00-05:45").Baselines);
    }

    [Fact]
    public void Too_short_a_retention_fails()
    {
        var verdict = Check(minRetention: 7).Judge(State(Cluster(retention: 1)), NoBaselines);

        Assert.Equal("backup retention is 1 day, expected at least 7 days", verdict.Reason);
        Assert.Equal(StepStatus.Failed, verdict.Status);
    }

    [Fact]
    public void A_failed_read_is_an_error_not_a_failure()
    {
        var failure = new RdsException(RdsErrorKind.Transport, "ConnectionRefused", "connection refused by http://127.0.0.1:9");
        var state = new StateSnapshot(Now, failures: new Dictionary<ResourceKind, RdsException> { [ResourceKind.Cluster] = failure });

        var verdict = Check(status: "available").Judge(state, NoBaselines);

        Assert.Equal(new Verdict(StepStatus.Error, "could not read DB clusters: connection refused by http://127.0.0.1:9"), verdict);
    }

    [Fact]
    public void It_asks_only_for_its_cluster()
    {
        var query = new StateQuery();
        Check().AddTo(query);

        Assert.Equal([ResourceKind.Cluster], query.Kinds);
        Assert.Equal(["aurora-alice-cluster"], query.Identifiers(ResourceKind.Cluster));
    }
}
