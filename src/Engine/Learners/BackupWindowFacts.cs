using LabRunner.Content.Learners;
using LabRunner.Content.Model;
using LabRunner.Rds;
using LabRunner.Rds.Model;

namespace LabRunner.Engine.Learners;

/// <summary>
/// What a backup-window variable must also respect once its cluster exists: that cluster's weekly maintenance window.
/// The cluster is the one the lab sets (or checks) to exactly that variable, e.g. <c>cluster: "{cluster}"</c> beside
/// <c>backup-window: "{backup_window}"</c>.
/// </summary>
public static class BackupWindowFacts
{
    /// <summary>Each backup-window variable's cluster and its maintenance window; a cluster not there yet adds nothing.</summary>
    public static async Task<IReadOnlyList<MaintenanceWindowFact>> ReadAsync(Lab lab, Learner learner, IRdsApi rds, CancellationToken cancellationToken = default)
    {
        var facts = new List<MaintenanceWindowFact>();
        foreach (var variable in lab.Variables.Where(variable => variable.Type == VariableType.BackupWindow))
        {
            if (ClusterOf(lab, variable) is not { } clusterTemplate)
                continue;
            var cluster = RdsIdentifier.Normalize(learner.Values.RenderLenient(clusterTemplate));
            try
            {
                var found = await rds.DescribeDBClustersAsync(new DescribeDBClustersRequest { DBClusterIdentifier = cluster }, cancellationToken);
                if (found.DBClusters.FirstOrDefault()?.PreferredMaintenanceWindow is { } window)
                    facts.Add(new MaintenanceWindowFact(variable.Name, clusterTemplate, cluster, window));
            }
            catch (RdsException)
            {
                // Not created yet, or not readable: RDS itself will judge the window when it is set.
            }
        }
        return facts;
    }

    private static Template? ClusterOf(Lab lab, LabVariable variable) =>
        lab.Steps.SelectMany(step => step.Perform is { } perform ? step.Verify.Append(perform) : step.Verify)
            .FirstOrDefault(spec => IsExactly(spec.Get("backup-window")?.Value, variable) && spec.Get("cluster") is not null)
            ?.Get("cluster")!.Value;

    private static bool IsExactly(Template? template, LabVariable variable) =>
        template?.Parts is [Placeholder placeholder] && placeholder.Key == PlaceholderKey.Of(variable.Name);
}

/// <summary>The backup-window variable <paramref name="Variable"/> is for <paramref name="ClusterTemplate"/>, which (as <paramref name="Cluster"/>) has this maintenance window.</summary>
public sealed record MaintenanceWindowFact(string Variable, Template ClusterTemplate, string Cluster, string MaintenanceWindow);
