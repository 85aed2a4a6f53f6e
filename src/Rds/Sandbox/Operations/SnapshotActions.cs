using System.Xml;
using LabRunner.Sandbox.Protocol;
using LabRunner.Sandbox.Rules;
using LabRunner.Sandbox.State;

namespace LabRunner.Sandbox.Operations;

/// <summary>DescribeDBClusterSnapshots, CreateDBClusterSnapshot, DeleteDBClusterSnapshot and CopyDBClusterSnapshot.</summary>
public sealed class SnapshotActions(SandboxServices services)
{
    private static readonly HashSet<string> SnapshotTypeValues = new(StringComparer.Ordinal) { "automated", "manual", "shared", "public", "awsbackup" };

    private static readonly DescribeFilters<SnapshotRecord> Filters = new(new Dictionary<string, Func<SnapshotRecord, IEnumerable<string>>>
    {
        ["db-cluster-id"] = snapshot => [snapshot.ClusterId],
        ["db-cluster-snapshot-id"] = snapshot => [snapshot.Id],
        ["snapshot-type"] = snapshot => [snapshot.SnapshotType],
        ["engine"] = snapshot => [snapshot.Engine],
    });

    public IEnumerable<KeyValuePair<string, ActionHandler>> Handlers() =>
    [
        new("DescribeDBClusterSnapshots", Describe),
        new("CreateDBClusterSnapshot", Create),
        new("DeleteDBClusterSnapshot", Delete),
        new("CopyDBClusterSnapshot", Copy),
    ];

    /// <summary>
    /// Without SnapshotType RDS lists automated and manual snapshots. <c>shared</c> lists snapshots other accounts
    /// shared with this one (the sandbox has no other accounts) and <c>public</c> those restorable by all.
    /// </summary>
    private Action<XmlWriter> Describe(ActionRequest request)
    {
        var parameters = request.Parameters;
        var matches = Filters.Parse(parameters, (name, value) => name switch
        {
            "db-cluster-id" => Naming.IdentifierOf(value, "cluster"),
            "db-cluster-snapshot-id" => Naming.IdentifierOf(value, "cluster-snapshot"),
            _ => value,
        });
        var snapshotType = parameters.Optional("SnapshotType");
        if (snapshotType is not null && !SnapshotTypeValues.Contains(snapshotType))
            throw RdsFault.InvalidParameterValue($"Invalid value {snapshotType} for SnapshotType. Valid values: {string.Join(", ", SnapshotTypeValues)}.");
        Func<SnapshotRecord, bool> ofType = snapshotType switch
        {
            null => _ => true,
            "public" => snapshot => snapshot.SharedWith.Contains("all"),
            _ => snapshot => snapshot.SnapshotType == snapshotType,
        };
        var clusterId = parameters.Optional("DBClusterIdentifier") is { } cluster ? Naming.IdentifierOf(cluster, "cluster") : null;
        var requested = parameters.Optional("DBClusterSnapshotIdentifier") is { } identifier ? Naming.IdentifierOf(identifier, "cluster-snapshot") : null;
        var page = services.State.Read(request.Caller, resources =>
        {
            var snapshots = DescribeScope.Of(resources.Snapshots, requested, RdsFault.SnapshotNotFound);
            var selected = snapshots.Where(snapshot => (clusterId is null || snapshot.ClusterId == clusterId) && ofType(snapshot) && matches(snapshot));
            return Paging.Take(selected, snapshot => snapshot.Id, parameters);
        });
        var shapes = services.Shapes(request.Now);
        return writer =>
        {
            writer.List("DBClusterSnapshots", "DBClusterSnapshot", page.Items, (element, snapshot) => shapes.Snapshot(element, snapshot));
            writer.Element("Marker", page.Marker);
        };
    }

    private Action<XmlWriter> Create(ActionRequest request)
    {
        var parameters = request.Parameters;
        var id = Naming.NewIdentifier(parameters, "DBClusterSnapshotIdentifier");
        var clusterId = Naming.IdentifierOf(parameters.Required("DBClusterIdentifier"), "cluster");
        var now = request.Now;
        var snapshot = services.State.Write(request.Caller, resources =>
        {
            var cluster = resources.Clusters.GetValueOrDefault(clusterId) ?? throw RdsFault.ClusterNotFound(clusterId);
            if (resources.SnapshotIdTaken(id))
                throw RdsFault.SnapshotAlreadyExists(id);
            var status = Lifecycle.ClusterStatus(cluster, now);
            if (status != "available")
                throw RdsFault.InvalidClusterState($"Cannot create a snapshot of DB cluster {clusterId} because it is not in the available state: it is {status}.");
            services.Provisioning.EnsureManualSnapshotQuota(resources);
            var created = services.Provisioning.NewSnapshot(Lifecycle.Settled(cluster, now), id, SnapshotTypes.Manual, now);
            resources.Snapshots.Add(id, created);
            return created;
        });
        return WriteSnapshot(snapshot, now);
    }

    /// <summary>RDS deletes only manual snapshots, and only once they are no longer being made.</summary>
    private Action<XmlWriter> Delete(ActionRequest request)
    {
        var id = Naming.IdentifierOf(request.Parameters.Required("DBClusterSnapshotIdentifier"), "cluster-snapshot");
        var now = request.Now;
        var snapshot = services.State.Write(request.Caller, resources =>
        {
            var found = resources.Snapshots.GetValueOrDefault(id) ?? throw RdsFault.SnapshotNotFound(id);
            if (found.SnapshotType != SnapshotTypes.Manual)
                throw RdsFault.InvalidSnapshotState("Only manual snapshots may be deleted.");
            var status = Lifecycle.SnapshotStatus(found, now);
            if (status != "available")
                throw RdsFault.InvalidSnapshotState($"Cannot delete DB cluster snapshot {id} while it is {status}.");
            resources.Snapshots.Remove(id);
            return found;
        });
        return WriteSnapshot(snapshot, now);
    }

    private Action<XmlWriter> Copy(ActionRequest request)
    {
        var parameters = request.Parameters;
        var sourceId = Naming.IdentifierOf(parameters.Required("SourceDBClusterSnapshotIdentifier"), "cluster-snapshot");
        var targetId = Naming.NewIdentifier(parameters, "TargetDBClusterSnapshotIdentifier");
        var copyTags = parameters.OptionalBool("CopyTags") ?? false;
        var now = request.Now;
        var copy = services.State.Write(request.Caller, resources =>
        {
            var source = resources.Snapshots.GetValueOrDefault(sourceId) ?? throw RdsFault.SnapshotNotFound(sourceId);
            if (Lifecycle.SnapshotStatus(source, now) != "available")
                throw RdsFault.InvalidSnapshotState($"Cannot copy DB cluster snapshot {sourceId} because it is not in the available state.");
            if (resources.SnapshotIdTaken(targetId))
                throw RdsFault.SnapshotAlreadyExists(targetId);
            services.Provisioning.EnsureManualSnapshotQuota(resources);
            var duration = source.CompletesAt - source.StartedAt;
            var created = source with
            {
                Id = targetId,
                SnapshotType = SnapshotTypes.Manual,
                StartedAt = now,
                CompletesAt = now + duration,
                SourceSnapshotArn = services.Naming.SnapshotArn(sourceId),
                SharedWith = [],
                Tags = copyTags ? source.Tags : [],
            };
            resources.Snapshots.Add(targetId, created);
            return created;
        });
        return WriteSnapshot(copy, now);
    }

    private Action<XmlWriter> WriteSnapshot(SnapshotRecord snapshot, DateTimeOffset now)
    {
        var shapes = services.Shapes(now);
        return writer =>
        {
            writer.WriteStartElement("DBClusterSnapshot");
            shapes.Snapshot(writer, snapshot);
            writer.WriteEndElement();
        };
    }
}
