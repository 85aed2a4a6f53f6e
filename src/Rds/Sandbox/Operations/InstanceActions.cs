using System.Xml;
using LabRunner.Sandbox.Protocol;
using LabRunner.Sandbox.Rules;
using LabRunner.Sandbox.State;

namespace LabRunner.Sandbox.Operations;

/// <summary>DescribeDBInstances, CreateDBInstance and DeleteDBInstance.</summary>
public sealed class InstanceActions(SandboxServices services)
{
    private static readonly DescribeFilters<InstanceRecord> Filters = new(new Dictionary<string, Func<InstanceRecord, IEnumerable<string>>>
    {
        ["db-instance-id"] = instance => [instance.Id],
        ["db-cluster-id"] = instance => instance.ClusterId is null ? [] : [instance.ClusterId],
        ["dbi-resource-id"] = instance => [instance.ResourceId],
        ["engine"] = instance => [instance.Engine],
    });

    public IEnumerable<KeyValuePair<string, ActionHandler>> Handlers() =>
    [
        new("DescribeDBInstances", Describe),
        new("CreateDBInstance", Create),
        new("DeleteDBInstance", Delete),
    ];

    private Action<XmlWriter> Describe(ActionRequest request)
    {
        var parameters = request.Parameters;
        var matches = Filters.Parse(parameters, (name, value) => name switch
        {
            "db-instance-id" => Naming.IdentifierOf(value, "db"),
            "db-cluster-id" => Naming.IdentifierOf(value, "cluster"),
            _ => value,
        });
        var requested = parameters.Optional("DBInstanceIdentifier") is { } identifier ? Naming.IdentifierOf(identifier, "db") : null;
        var page = services.State.Read(request.Caller, resources =>
        {
            var instances = DescribeScope.Of(resources.Instances, requested, RdsFault.InstanceNotFound);
            var found = Paging.Take(instances.Where(matches), instance => instance.Id, parameters);
            var withClusters = found.Items.Select(instance => (instance, cluster: ClusterOf(resources, instance))).ToList();
            return (withClusters, found.Marker);
        });
        var shapes = services.Shapes(request.Now);
        return writer =>
        {
            writer.List("DBInstances", "DBInstance", page.withClusters, (element, item) => shapes.Instance(element, item.instance, item.cluster));
            writer.Element("Marker", page.Marker);
        };
    }

    private Action<XmlWriter> Create(ActionRequest request)
    {
        var parameters = request.Parameters;
        var settings = new InstanceSettings(Naming.NewIdentifier(parameters, "DBInstanceIdentifier"), parameters.Required("DBInstanceClass"), parameters.Required("Engine"))
        {
            ClusterId = parameters.Optional("DBClusterIdentifier") is { } clusterId ? Naming.IdentifierOf(clusterId, "cluster") : null,
            EngineVersion = parameters.Optional("EngineVersion"),
            PromotionTier = parameters.OptionalInt("PromotionTier"),
        };
        var now = request.Now;
        var (instance, cluster) = services.State.Write(request.Caller, resources =>
        {
            var created = services.Provisioning.AddInstance(resources, settings, now, now + services.Options.ProvisioningDuration);
            return (created, ClusterOf(resources, created));
        });
        return WriteInstance(instance, cluster, now);
    }

    /// <summary>Deleting a cluster's writer promotes the member with the best (lowest) promotion tier, as an Aurora failover would.</summary>
    private Action<XmlWriter> Delete(ActionRequest request)
    {
        var id = Naming.IdentifierOf(request.Parameters.Required("DBInstanceIdentifier"), "db");
        var (instance, cluster) = services.State.Write(request.Caller, resources =>
        {
            var deleted = resources.Instances.GetValueOrDefault(id) ?? throw RdsFault.InstanceNotFound(id);
            resources.Instances.Remove(id);
            if (deleted is { IsClusterWriter: true, ClusterId: { } clusterId }
                && resources.MembersOf(clusterId).OrderBy(member => member.PromotionTier).FirstOrDefault() is { } successor)
                resources.Instances[successor.Id] = successor with { IsClusterWriter = true };
            return (deleted, ClusterOf(resources, deleted));
        });
        return WriteInstance(instance, cluster, request.Now, status: "deleting");
    }

    private Action<XmlWriter> WriteInstance(InstanceRecord instance, ClusterRecord? cluster, DateTimeOffset now, string? status = null)
    {
        var shapes = services.Shapes(now);
        return writer =>
        {
            writer.WriteStartElement("DBInstance");
            shapes.Instance(writer, instance, cluster, status);
            writer.WriteEndElement();
        };
    }

    private static ClusterRecord? ClusterOf(SandboxState.Resources resources, InstanceRecord instance) =>
        instance.ClusterId is null ? null : resources.Clusters.GetValueOrDefault(instance.ClusterId);
}
