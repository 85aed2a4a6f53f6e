using System.Globalization;
using LabRunner.Content.Learners;
using LabRunner.Rds;
using LabRunner.Rds.Model;

namespace LabRunner.Engine.Progress;

/// <summary>How a learner's acknowledgement of a manual step reached (or did not reach) the instructor.</summary>
public enum AcknowledgementDelivery
{
    /// <summary>The learner's cluster carries the tag: the class view shows the step done.</summary>
    Tagged,

    /// <summary>The learner may not tag (AccessDenied, as on AWS without <c>rds:AddTagsToResource</c>): kept on this computer only.</summary>
    Denied,

    /// <summary>The learner has no cluster of their own to tag yet.</summary>
    NoCluster,

    /// <summary>Tagging failed otherwise (unreachable, throttled): kept on this computer only.</summary>
    Failed,
}

/// <summary>
/// Acknowledgements as tags on the learner's own cluster (<c>labrunner:ack:STEPID</c> = the UTC time, ISO 8601), so
/// the class view reads them in the same Describe pass as everything else, on real RDS as on the sandbox.
/// </summary>
public static class AcknowledgementTags
{
    public const string KeyPrefix = "labrunner:ack:";

    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public static Tag For(string stepId, DateTimeOffset at) =>
        new(KeyPrefix + stepId, at.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture));

    /// <summary>Step id to acknowledgement time, from a resource's tags; tags that are not well-formed acknowledgements are ignored.</summary>
    public static IReadOnlyDictionary<string, DateTimeOffset> Read(IEnumerable<Tag> tags)
    {
        var acknowledged = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            if (tag.Key.StartsWith(KeyPrefix, StringComparison.Ordinal)
                && DateTimeOffset.TryParseExact(tag.Value, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
                acknowledged[tag.Key[KeyPrefix.Length..]] = at;
        }
        return acknowledged;
    }

    /// <summary>Tags the learner's own cluster (one Describe to find its ARN, one AddTagsToResource); never throws for RDS's answers.</summary>
    public static async Task<AcknowledgementDelivery> TagAsync(IRdsApi rds, Learner learner, string stepId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        try
        {
            if (await OwnClusterArnAsync(rds, learner, cancellationToken) is not { } arn)
                return AcknowledgementDelivery.NoCluster;
            await rds.AddTagsToResourceAsync(new AddTagsToResourceRequest(arn, [For(stepId, at)]), cancellationToken);
            return AcknowledgementDelivery.Tagged;
        }
        catch (RdsException denied) when (denied.Kind == RdsErrorKind.AccessDenied)
        {
            return AcknowledgementDelivery.Denied;
        }
        catch (RdsException)
        {
            return AcknowledgementDelivery.Failed;
        }
    }

    /// <summary>The ARN of a cluster among the learner's own resources (named from their name alone), or null when none exists.</summary>
    private static async Task<string?> OwnClusterArnAsync(IRdsApi rds, Learner learner, CancellationToken cancellationToken)
    {
        var own = learner.OwnIdentifiers;
        if (own.Count == 0)
            return null;
        var found = await rds.DescribeDBClustersAsync(new DescribeDBClustersRequest { Filters = [new("db-cluster-id", own)], MaxRecords = 20 }, cancellationToken);
        return found.DBClusters.FirstOrDefault(cluster => cluster.DBClusterArn is not null && own.Contains(cluster.DBClusterIdentifier, StringComparer.Ordinal))?.DBClusterArn;
    }
}
