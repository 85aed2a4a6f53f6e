using System.Globalization;
using LabRunner.Content.Learners;
using LabRunner.Engine.Specs;
using LabRunner.Engine.State;
using LabRunner.Engine.State.Kinds;
using LabRunner.Rds.Model;

namespace LabRunner.Engine.Checks;

/// <summary><c>db-cluster</c>: the learner's cluster exists and, as asked, has a status, a writer, a backup window, a retention, nothing pending.</summary>
public sealed class DbClusterCheckKind : ICheckKind
{
    public string Name => "db-cluster";

    public IReadOnlyList<ResourceKind> Reads { get; } = [ResourceKind.Cluster];

    public ICheck Bind(BoundSpec spec) => new DbClusterCheck(
        spec.Required("cluster"),
        spec.Text("status"),
        spec.Flag("writer"),
        TimeWindow.From(spec, "backup-window"),
        spec.Flag("backup-window-changed") ?? false,
        spec.Number("min-retention"),
        spec.Flag("nothing-pending") ?? false);
}

public sealed record DbClusterCheck(
    string Cluster,
    string? Status,
    bool? Writer,
    TimeWindow? BackupWindow,
    bool BackupWindowChanged,
    int? MinRetention,
    bool NothingPending) : ICheck
{
    public string BackupWindowBaselineKey => $"db-cluster/{Cluster}/backup-window";

    public void AddTo(StateQuery query) => query.Want(ResourceKind.Cluster, Cluster);

    public IReadOnlyList<BaselineCapture> Baselines =>
        BackupWindowChanged ? [new BaselineCapture(BackupWindowBaselineKey, state => state.Cluster(Cluster)?.PreferredBackupWindow)] : [];

    public Verdict Judge(StateSnapshot state, BaselineLookup baselines)
    {
        if (state.Failure(ResourceKind.Cluster) is { } failure)
            return Verdict.Error($"could not read DB clusters: {failure.Message}");
        if (state.Cluster(Cluster) is not { } cluster)
            return Verdict.NotYet($"cluster {Cluster} not found");
        return JudgeStatus(cluster)
            ?? JudgeWriter(cluster)
            ?? JudgeBackupWindow(cluster)
            ?? JudgeBackupWindowChanged(cluster, baselines)
            ?? JudgeRetention(cluster)
            ?? JudgePending(cluster)
            ?? Verdict.Passed(Describe(cluster, baselines));
    }

    private Verdict? JudgeStatus(DBCluster cluster)
    {
        if (Status is null || cluster.Status == Status)
            return null;
        var found = $"cluster {Cluster} is {cluster.Status ?? "of unknown status"}, expected {Status}";
        if (cluster.Status is { } status && RdsStatuses.IsTransitionalCluster(status))
            return Verdict.InProgress(found, ClusterPercent(cluster));
        return Verdict.Failed(found);
    }

    private Verdict? JudgeWriter(DBCluster cluster)
    {
        var writer = cluster.DBClusterMembers.FirstOrDefault(member => member.IsClusterWriter);
        return (Writer, writer) switch
        {
            (true, null) => Verdict.NotYet($"cluster {Cluster} has no writer instance"),
            (false, not null) => Verdict.Failed($"cluster {Cluster} has writer instance {writer.DBInstanceIdentifier}, expected none"),
            _ => null,
        };
    }

    private Verdict? JudgeBackupWindow(DBCluster cluster)
    {
        if (BackupWindow is null || WindowOf(cluster) == BackupWindow)
            return null;
        return Verdict.NotYet($"backup window is {cluster.PreferredBackupWindow ?? "not set"}, expected {BackupWindow}");
    }

    private Verdict? JudgeBackupWindowChanged(DBCluster cluster, BaselineLookup baselines)
    {
        if (!BackupWindowChanged)
            return null;
        if (baselines(BackupWindowBaselineKey) is not { } before)
            return Verdict.NotYet($"no earlier backup window of {Cluster} was recorded to compare with (it is {cluster.PreferredBackupWindow ?? "not set"})");
        if (before == cluster.PreferredBackupWindow)
            return Verdict.NotYet($"backup window is still {before}, expected a change");
        return null;
    }

    private Verdict? JudgeRetention(DBCluster cluster)
    {
        if (MinRetention is not { } minimum || cluster.BackupRetentionPeriod >= minimum)
            return null;
        return Verdict.NotYet($"backup retention is {Days(cluster.BackupRetentionPeriod)}, expected at least {Days(minimum)}");
    }

    /// <summary>
    /// Any pending modified value fails, named. For Aurora, RDS applies the backup window and retention at once and
    /// ClusterPendingModifiedValues has no backup-window field, so what waits here is e.g. an engine version change.
    /// </summary>
    private Verdict? JudgePending(DBCluster cluster)
    {
        if (!NothingPending || cluster.PendingModifiedValues is not { IsEmpty: false } pending)
            return null;
        return Verdict.NotYet($"change to {string.Join(", ", PendingChanges(pending))} is pending, not applied");
    }

    private string Describe(DBCluster cluster, BaselineLookup baselines)
    {
        var facts = new List<string> { $"cluster {Cluster} is {cluster.Status}" };
        if (Writer == true)
            facts.Add($"writer {cluster.DBClusterMembers.First(member => member.IsClusterWriter).DBInstanceIdentifier}");
        if (BackupWindowChanged)
            facts.Add($"backup window changed from {baselines(BackupWindowBaselineKey)} to {cluster.PreferredBackupWindow}");
        else if (BackupWindow is not null)
            facts.Add($"backup window {cluster.PreferredBackupWindow}");
        if (MinRetention is not null)
            facts.Add($"retention {Days(cluster.BackupRetentionPeriod)}");
        if (NothingPending)
            facts.Add("nothing pending");
        return string.Join(", ", facts);
    }

    private static TimeWindow? WindowOf(DBCluster cluster) =>
        cluster.PreferredBackupWindow is { } text && TimeWindow.TryParse(text, out var window, out _) ? window : null;

    private static int? ClusterPercent(DBCluster cluster) =>
        int.TryParse(cluster.PercentProgress, NumberStyles.None, CultureInfo.InvariantCulture, out var percent) ? percent : null;

    private static string Days(int? days) => days switch
    {
        null => "not set",
        1 => "1 day",
        _ => $"{days} days",
    };

    private static IEnumerable<string> PendingChanges(ClusterPendingModifiedValues pending)
    {
        if (pending.EngineVersion is { } version)
            yield return $"engine version {version}";
        if (pending.BackupRetentionPeriod is { } retention)
            yield return $"backup retention {Days(retention)}";
        if (pending.AllocatedStorage is { } storage)
            yield return $"allocated storage {storage} GiB";
        if (pending.IAMDatabaseAuthenticationEnabled is { } iam)
            yield return $"IAM database authentication {(iam ? "on" : "off")}";
        if (pending.MasterUserPassword is not null)
            yield return "master user password";
        if (pending.StorageType is { } storageType)
            yield return $"storage type {storageType}";
        if (pending.Iops is { } iops)
            yield return $"IOPS {iops}";
        if (pending.DBClusterIdentifier is { } rename)
            yield return $"identifier {rename}";
    }
}
