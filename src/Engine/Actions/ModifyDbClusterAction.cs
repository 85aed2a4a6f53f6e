using LabRunner.Content.Learners;
using LabRunner.Engine.Specs;
using LabRunner.Rds;
using LabRunner.Rds.Model;

namespace LabRunner.Engine.Actions;

/// <summary><c>modify-db-cluster</c>: the learner's cluster's backup window and/or retention.</summary>
public sealed class ModifyDbClusterActionKind : IActionKind
{
    public string Name => "modify-db-cluster";

    public IAction Bind(BoundSpec spec)
    {
        var action = new ModifyDbClusterAction(
            spec.Required("cluster"), TimeWindow.From(spec, "backup-window"), spec.Number("retention"), spec.Flag("apply-immediately"));
        if (action.BackupWindow is null && action.Retention is null)
            throw new LabSpecException(spec.Location, $"{Name} needs 'backup-window' or 'retention': it would change nothing");
        return action;
    }
}

public sealed record ModifyDbClusterAction(string Cluster, TimeWindow? BackupWindow, int? Retention, bool? ApplyImmediately) : IAction
{
    public string Summary => $"set {string.Join(" and ", Changes)} of cluster {Cluster}";

    public IReadOnlyList<string> Identifiers => [Cluster];

    public IReadOnlyList<string> ApiActions => ["rds:ModifyDBCluster"];

    public AwsCliCommand CliCommand => new("modify-db-cluster", CliArguments().ToList());

    public async Task<ActionOutcome> PerformAsync(IRdsApi rds, CancellationToken cancellationToken = default)
    {
        var request = new ModifyDBClusterRequest(Cluster)
        {
            PreferredBackupWindow = BackupWindow?.ToString(),
            BackupRetentionPeriod = Retention,
            ApplyImmediately = ApplyImmediately,
        };
        try
        {
            var modified = await rds.ModifyDBClusterAsync(request, cancellationToken);
            return new ActionOutcome(ActionOutcomeKind.Done,
                $"cluster {Cluster} now has backup window {modified.DBCluster.PreferredBackupWindow}, retention {modified.DBCluster.BackupRetentionPeriod}");
        }
        catch (RdsException error)
        {
            return ActionOutcome.From(error, Summary);
        }
    }

    private IEnumerable<string> Changes
    {
        get
        {
            if (BackupWindow is not null)
                yield return $"backup window {BackupWindow}";
            if (Retention is not null)
                yield return $"retention {Retention} days";
        }
    }

    private IEnumerable<KeyValuePair<string, string?>> CliArguments()
    {
        yield return new("--db-cluster-identifier", Cluster);
        if (BackupWindow is not null)
            yield return new("--preferred-backup-window", BackupWindow.ToString());
        if (Retention is not null)
            yield return new("--backup-retention-period", Retention.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (ApplyImmediately is not null)
            yield return new(ApplyImmediately.Value ? "--apply-immediately" : "--no-apply-immediately", null);
    }
}
