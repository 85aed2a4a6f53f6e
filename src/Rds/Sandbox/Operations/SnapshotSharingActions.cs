using System.Xml;
using LabRunner.Sandbox.Protocol;
using LabRunner.Sandbox.Rules;
using LabRunner.Sandbox.State;

namespace LabRunner.Sandbox.Operations;

/// <summary>ModifyDBClusterSnapshotAttribute and DescribeDBClusterSnapshotAttributes: sharing a manual snapshot through its <c>restore</c> attribute.</summary>
public sealed class SnapshotSharingActions(SandboxServices services)
{
    public const string RestoreAttribute = "restore";
    public const string Everyone = "all";
    /// <summary>RDS lets a manual snapshot be shared with up to 20 accounts.</summary>
    public const int SharedAccountQuota = 20;

    public IEnumerable<KeyValuePair<string, ActionHandler>> Handlers() =>
    [
        new("ModifyDBClusterSnapshotAttribute", Modify),
        new("DescribeDBClusterSnapshotAttributes", Describe),
    ];

    private Action<XmlWriter> Describe(ActionRequest request)
    {
        var id = Naming.IdentifierOf(request.Parameters.Required("DBClusterSnapshotIdentifier"), "cluster-snapshot");
        var snapshot = services.State.Read(request.Caller, resources => resources.Snapshots.GetValueOrDefault(id) ?? throw RdsFault.SnapshotNotFound(id));
        return writer => ShapeWriter.SnapshotAttributes(writer, snapshot);
    }

    private Action<XmlWriter> Modify(ActionRequest request)
    {
        var parameters = request.Parameters;
        var id = Naming.IdentifierOf(parameters.Required("DBClusterSnapshotIdentifier"), "cluster-snapshot");
        var attribute = parameters.Required("AttributeName");
        if (attribute != RestoreAttribute)
            throw RdsFault.InvalidParameterValue($"Invalid attribute name: {attribute}. The only attribute a DB cluster snapshot has is '{RestoreAttribute}'.");
        var toAdd = ValidAccounts(parameters.List("ValuesToAdd", "AttributeValue"), "ValuesToAdd");
        var toRemove = ValidAccounts(parameters.List("ValuesToRemove", "AttributeValue"), "ValuesToRemove");
        var snapshot = services.State.Write(request.Caller, resources =>
        {
            var found = resources.Snapshots.GetValueOrDefault(id) ?? throw RdsFault.SnapshotNotFound(id);
            if (found.SnapshotType != SnapshotTypes.Manual)
                throw RdsFault.InvalidSnapshotState($"Only manual snapshots can be shared; {id} is {found.SnapshotType}.");
            if (found.StorageEncrypted && toAdd.Contains(Everyone))
                throw RdsFault.InvalidParameterValue("Encrypted snapshots cannot be made public.");
            var sharedWith = found.SharedWith.Except(toRemove).Concat(toAdd).Distinct().ToList();
            if (sharedWith.Count(account => account != Everyone) > SharedAccountQuota)
                throw RdsFault.SharedSnapshotQuotaExceeded(SharedAccountQuota);
            var modified = found with { SharedWith = sharedWith };
            resources.Snapshots[id] = modified;
            return modified;
        });
        return writer => ShapeWriter.SnapshotAttributes(writer, snapshot);
    }

    /// <summary>Each value is a 12-digit AWS account id, or <c>all</c> to make the snapshot public.</summary>
    private static IReadOnlyList<string> ValidAccounts(IReadOnlyList<string> values, string parameter)
    {
        foreach (var value in values)
        {
            if (value != Everyone && (value.Length != 12 || !value.All(char.IsAsciiDigit)))
                throw RdsFault.InvalidParameterValue($"Invalid value '{value}' in {parameter}: expected a 12-digit AWS account id or 'all'.");
        }
        return values;
    }
}
