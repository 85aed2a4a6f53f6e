using System.Xml;
using LabRunner.Sandbox.Protocol;
using LabRunner.Sandbox.Rules;

namespace LabRunner.Sandbox.Operations;

/// <summary>
/// The classic wrong turns on an Aurora instance, refused with RDS's own codes and messages: a DB instance snapshot
/// (CreateDBSnapshot) and backup settings (ModifyDBInstance), both of which belong to the cluster. The sandbox keeps
/// no standalone instances, so anything else these actions ask is answered as not emulated.
/// </summary>
public sealed class ClusterMemberRefusals(SandboxServices services)
{
    public IEnumerable<KeyValuePair<string, ActionHandler>> Handlers() =>
    [
        new("CreateDBSnapshot", CreateSnapshot),
        new("ModifyDBInstance", Modify),
    ];

    private Action<XmlWriter> CreateSnapshot(ActionRequest request)
    {
        request.Parameters.Required("DBSnapshotIdentifier");
        RequireClusterMember(request, "CreateDBSnapshot");
        throw RdsFault.InvalidParameterValue("The specified instance is a member of a cluster and a snapshot cannot be created directly. Please use the CreateDBClusterSnapshot API instead.");
    }

    private Action<XmlWriter> Modify(ActionRequest request)
    {
        RequireClusterMember(request, "ModifyDBInstance");
        var parameters = request.Parameters;
        if (parameters.Optional("PreferredBackupWindow") is not null)
            throw ClusterSetting("backup window");
        if (parameters.Optional("BackupRetentionPeriod") is not null)
            throw ClusterSetting("backup retention");
        throw NotEmulated("ModifyDBInstance", "beyond refusing an Aurora instance's backup settings");
    }

    /// <summary>The instance named by the request, which must exist and be a cluster member.</summary>
    private void RequireClusterMember(ActionRequest request, string action)
    {
        var id = Naming.IdentifierOf(request.Parameters.Required("DBInstanceIdentifier"), "db");
        var instance = services.State.Read(request.Caller, resources => resources.Instances.GetValueOrDefault(id)) ?? throw RdsFault.InstanceNotFound(id);
        if (instance.ClusterId is null)
            throw NotEmulated(action, "for an instance outside a cluster");
    }

    private static RdsFault ClusterSetting(string setting) =>
        RdsFault.InvalidParameterCombination($"The specified DB Instance is a member of a cluster. Modify {setting} for the DB Cluster using the ModifyDbCluster API");

    private static RdsFault NotEmulated(string action, string what) =>
        new("InvalidAction", $"The LabRunner sandbox does not emulate {action} {what}.");
}
