using System.Security.Cryptography;
using LabRunner.Content.Model;
using LabRunner.Sandbox.Protocol;

namespace LabRunner.Sandbox.Rules;

/// <summary>ARNs, endpoints and resource ids as RDS forms them, in the sandbox's region and placeholder account.</summary>
public sealed class Naming(string region, string accountId)
{
    /// <summary>Stands in for the per-account, per-region part of RDS endpoint host names.</summary>
    private const string EndpointKey = "sandbox00000";

    public string Region { get; } = region;

    public IReadOnlyList<string> AvailabilityZones { get; } = [region + "a", region + "b", region + "c"];

    public string ClusterArn(string id) => $"arn:aws:rds:{Region}:{accountId}:cluster:{id}";

    public string InstanceArn(string id) => $"arn:aws:rds:{Region}:{accountId}:db:{id}";

    public string SnapshotArn(string id) => $"arn:aws:rds:{Region}:{accountId}:cluster-snapshot:{id}";

    /// <summary>
    /// The resource type (<c>cluster</c>, <c>db</c>, <c>cluster-snapshot</c>…) and identifier an ARN of this region and
    /// account names; null for anything else.
    /// </summary>
    public (string Type, string Identifier)? ResourceOf(string arn)
    {
        var prefix = $"arn:aws:rds:{Region}:{accountId}:";
        if (!arn.StartsWith(prefix, StringComparison.Ordinal))
            return null;
        var rest = arn[prefix.Length..];
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && colon < rest.Length - 1 ? (rest[..colon], rest[(colon + 1)..]) : null;
    }

    public string ClusterEndpoint(string id) => $"{id}.cluster-{EndpointKey}.{Region}.rds.amazonaws.com";

    public string ClusterReaderEndpoint(string id) => $"{id}.cluster-ro-{EndpointKey}.{Region}.rds.amazonaws.com";

    public string InstanceEndpoint(string id) => $"{id}.{EndpointKey}.{Region}.rds.amazonaws.com";

    /// <summary>A resource id like RDS's <c>cluster-ABCDEFGHIJKLMNOPQRSTUVWXYZ</c>.</summary>
    public static string NewResourceId(string prefix) =>
        prefix + "-" + RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 26);

    /// <summary>A caller may name a resource by identifier or by ARN; either way, the stored lower-case identifier.</summary>
    public static string IdentifierOf(string identifierOrArn, string arnResourceType)
    {
        var marker = $":{arnResourceType}:";
        var index = identifierOrArn.StartsWith("arn:", StringComparison.Ordinal) ? identifierOrArn.IndexOf(marker, StringComparison.Ordinal) : -1;
        var identifier = index >= 0 ? identifierOrArn[(index + marker.Length)..] : identifierOrArn;
        return RdsIdentifier.Normalize(identifier);
    }

    /// <summary>A new resource's identifier: RDS's rules checked, stored in lower case.</summary>
    public static string NewIdentifier(ReceivedParameters parameters, string parameterName)
    {
        var identifier = parameters.Required(parameterName);
        if (!RdsIdentifier.IsValid(identifier))
            throw RdsFault.InvalidIdentifier(parameterName);
        return RdsIdentifier.Normalize(identifier);
    }
}
