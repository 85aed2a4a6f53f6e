using System.Xml.Linq;
using LabRunner.Rds.Model;

namespace LabRunner.Rds.Protocol;

/// <summary>Each action's <c>&lt;ActionResult&gt;</c> element as its response record.</summary>
internal static partial class ResponseReader
{
    public static DescribeDBClustersResponse DescribeDBClusters(XElement result) =>
        new(result.List("DBClusters", "DBCluster", ShapeReader.DBCluster), Marker(result));

    public static DescribeDBClusterSnapshotsResponse DescribeDBClusterSnapshots(XElement result) =>
        new(result.List("DBClusterSnapshots", "DBClusterSnapshot", ShapeReader.DBClusterSnapshot), Marker(result));

    public static CreateDBClusterSnapshotResponse CreateDBClusterSnapshot(XElement result) => new(Snapshot(result));

    public static DeleteDBClusterSnapshotResponse DeleteDBClusterSnapshot(XElement result) => new(Snapshot(result));

    public static CopyDBClusterSnapshotResponse CopyDBClusterSnapshot(XElement result) => new(Snapshot(result));

    public static ModifyDBClusterSnapshotAttributeResponse ModifyDBClusterSnapshotAttribute(XElement result) => new(Attributes(result));

    public static DescribeDBClusterSnapshotAttributesResponse DescribeDBClusterSnapshotAttributes(XElement result) => new(Attributes(result));

    public static ModifyDBClusterResponse ModifyDBCluster(XElement result) => new(Cluster(result));

    private static DBClusterSnapshot Snapshot(XElement result) =>
        ShapeReader.DBClusterSnapshot(Required(result, "DBClusterSnapshot"));

    private static DBClusterSnapshotAttributesResult Attributes(XElement result) =>
        ShapeReader.DBClusterSnapshotAttributesResult(Required(result, "DBClusterSnapshotAttributesResult"));

    // RDS sends <Marker/> only when there is another page; an empty one means none.
    internal static string? Marker(XElement result) => result.String("Marker") is { Length: > 0 } marker ? marker : null;

    private static XElement Required(XElement result, string name) =>
        result.Child(name) ?? throw new InvalidDataException($"<{result.Name.LocalName}> has no <{name}>.");
}
