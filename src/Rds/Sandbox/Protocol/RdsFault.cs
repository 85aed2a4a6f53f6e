using System.Diagnostics.CodeAnalysis;

namespace LabRunner.Sandbox.Protocol;

/// <summary>
/// An error answered in RDS's <c>ErrorResponse</c> XML: the wire code as RDS sends it, its HTTP status, and
/// whether the caller (<c>Sender</c>) or the service (<c>Receiver</c>) is at fault.
/// </summary>
[SuppressMessage("Naming", "CA1710", Justification = "Named after the fault in RDS's ErrorResponse it answers with.")]
public sealed class RdsFault(string code, string message, int statusCode = 400, bool senderFault = true) : Exception(message)
{
    public string Code { get; } = code;
    public int StatusCode { get; } = statusCode;
    public bool SenderFault { get; } = senderFault;

    public static RdsFault MissingParameter(string name) =>
        new("MissingParameter", $"The request must contain the parameter {name}");

    public static RdsFault InvalidParameterValue(string message) => new("InvalidParameterValue", message);

    public static RdsFault InvalidParameterCombination(string message) => new("InvalidParameterCombination", message);

    public static RdsFault InvalidAction(string action, string version) =>
        new("InvalidAction", $"Could not find operation {action} for version {version}");

    public static RdsFault InvalidIdentifier(string parameter) =>
        InvalidParameterValue($"The parameter {parameter} is not a valid identifier. Identifiers must begin with a letter; must contain only ASCII letters, digits, and hyphens; and must not end with a hyphen or contain two consecutive hyphens.");

    public static RdsFault ClusterNotFound(string id) => new("DBClusterNotFoundFault", $"DBCluster {id} not found.", 404);

    public static RdsFault InstanceNotFound(string id) => new("DBInstanceNotFound", $"DBInstance {id} not found.", 404);

    public static RdsFault SnapshotNotFound(string id) => new("DBClusterSnapshotNotFoundFault", $"DBClusterSnapshot {id} not found.", 404);

    public static RdsFault ClusterAlreadyExists(string id) => new("DBClusterAlreadyExistsFault", $"DB Cluster {id} already exists");

    public static RdsFault InstanceAlreadyExists(string id) => new("DBInstanceAlreadyExists", $"DB instance already exists: {id}");

    public static RdsFault SnapshotAlreadyExists(string id) =>
        new("DBClusterSnapshotAlreadyExistsFault", $"Cannot create the cluster snapshot because one with the identifier {id} already exists.");

    public static RdsFault InvalidClusterState(string message) => new("InvalidDBClusterStateFault", message);

    public static RdsFault InvalidSnapshotState(string message) => new("InvalidDBClusterSnapshotStateFault", message);

    public static RdsFault SnapshotQuotaExceeded(int quota) =>
        new("SnapshotQuotaExceeded", $"Cannot create more than {quota} manual snapshots");

    public static RdsFault SharedSnapshotQuotaExceeded(int quota) =>
        new("SharedSnapshotQuotaExceeded", $"A snapshot can be shared with at most {quota} accounts");

    public static RdsFault Throttling() => new("Throttling", "Rate exceeded");

    public static RdsFault InternalFailure() =>
        new("InternalFailure", "The request processing has failed because of an unknown error, exception or failure.", 500, senderFault: false);
}
