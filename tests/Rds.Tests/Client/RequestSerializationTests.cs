using System.Text.Json.Nodes;
using LabRunner.Rds.Model;
using LabRunner.Rds.Protocol;
using LabRunner.TestSupport.Peers;
using LabRunner.TestSupport.Python;
using Microsoft.AspNetCore.WebUtilities;

namespace LabRunner.Rds.Tests.Client;

/// <summary>Our form fields for every operation, compared with what botocore's query serializer makes of the same request.</summary>
public sealed class RequestSerializationTests
{
    private const string BotocoreSerializer = """
        import json, sys, botocore.session
        from botocore.serialize import create_serializer
        model = botocore.session.get_session().get_service_model('rds')
        serializer = create_serializer('query')
        cases = json.load(sys.stdin)
        print(json.dumps([serializer.serialize_to_request(c['params'], model.operation_model(c['operation']))['body'] for c in cases]))
        """;

    private static readonly Filter[] TwoFilters = [new("db-cluster-id", ["aurora-alice-cluster", "aurora-bob-cluster"]), new("snapshot-type", ["manual"])];

    private static readonly (RequestForm Ours, string Operation, object BotocoreParams)[] Cases =
    [
        (RequestWriter.Write(new DescribeDBClustersRequest { DBClusterIdentifier = "aurora-alice-cluster", Filters = TwoFilters, MaxRecords = 100, Marker = "m-1" }),
            "DescribeDBClusters",
            new { DBClusterIdentifier = "aurora-alice-cluster", Filters = BotocoreFilters(), MaxRecords = 100, Marker = "m-1" }),
        (RequestWriter.Write(new DescribeDBInstancesRequest { Filters = [new("db-cluster-id", ["aurora-alice-cluster"])], MaxRecords = 20 }),
            "DescribeDBInstances",
            new { Filters = new[] { new { Name = "db-cluster-id", Values = new[] { "aurora-alice-cluster" } } }, MaxRecords = 20 }),
        (RequestWriter.Write(new DescribeDBClusterSnapshotsRequest
            {
                DBClusterIdentifier = "aurora-alice-cluster", DBClusterSnapshotIdentifier = "aurora-alice-snap1", SnapshotType = "manual",
                Filters = TwoFilters, MaxRecords = 20, Marker = "m 2/+", IncludeShared = true, IncludePublic = false,
            }),
            "DescribeDBClusterSnapshots",
            new
            {
                DBClusterIdentifier = "aurora-alice-cluster", DBClusterSnapshotIdentifier = "aurora-alice-snap1", SnapshotType = "manual",
                Filters = BotocoreFilters(), MaxRecords = 20, Marker = "m 2/+", IncludeShared = true, IncludePublic = false,
            }),
        (RequestWriter.Write(new CreateDBClusterSnapshotRequest("aurora-alice-snap1", "aurora-alice-cluster")),
            "CreateDBClusterSnapshot",
            new { DBClusterSnapshotIdentifier = "aurora-alice-snap1", DBClusterIdentifier = "aurora-alice-cluster" }),
        (RequestWriter.Write(new DeleteDBClusterSnapshotRequest("aurora-alice-snap1")),
            "DeleteDBClusterSnapshot",
            new { DBClusterSnapshotIdentifier = "aurora-alice-snap1" }),
        (RequestWriter.Write(new CopyDBClusterSnapshotRequest("aurora-alice-snap1", "aurora-alice-copy") { CopyTags = true }),
            "CopyDBClusterSnapshot",
            new { SourceDBClusterSnapshotIdentifier = "aurora-alice-snap1", TargetDBClusterSnapshotIdentifier = "aurora-alice-copy", CopyTags = true }),
        (RequestWriter.Write(new ModifyDBClusterSnapshotAttributeRequest("aurora-alice-snap1", "restore") { ValuesToAdd = ["123456789012", "210987654321"], ValuesToRemove = ["all"] }),
            "ModifyDBClusterSnapshotAttribute",
            new { DBClusterSnapshotIdentifier = "aurora-alice-snap1", AttributeName = "restore", ValuesToAdd = new[] { "123456789012", "210987654321" }, ValuesToRemove = new[] { "all" } }),
        (RequestWriter.Write(new DescribeDBClusterSnapshotAttributesRequest("aurora-alice-snap1")),
            "DescribeDBClusterSnapshotAttributes",
            new { DBClusterSnapshotIdentifier = "aurora-alice-snap1" }),
        (RequestWriter.Write(new ModifyDBClusterRequest("aurora-alice-cluster")
            {
                PreferredBackupWindow = "04:00-04:30", PreferredMaintenanceWindow = "mon:06:00-mon:06:30", BackupRetentionPeriod = 7,
                EngineVersion = "8.0.mysql_aurora.3.05.2", ApplyImmediately = false,
            }),
            "ModifyDBCluster",
            new
            {
                DBClusterIdentifier = "aurora-alice-cluster", PreferredBackupWindow = "04:00-04:30", PreferredMaintenanceWindow = "mon:06:00-mon:06:30",
                BackupRetentionPeriod = 7, EngineVersion = "8.0.mysql_aurora.3.05.2", ApplyImmediately = false,
            }),
    ];

    private static object[] BotocoreFilters() =>
    [
        new { Name = "db-cluster-id", Values = new[] { "aurora-alice-cluster", "aurora-bob-cluster" } },
        new { Name = "snapshot-type", Values = new[] { "manual" } },
    ];

    [PeerFact(RealPeer.Boto3)]
    public async Task Every_operation_flattens_its_fields_exactly_as_botocore_does()
    {
        var botocore = (JsonArray)await PythonRunner.RunJsonAsync(
            BotocoreSerializer,
            Cases.Select(c => new { operation = c.Operation, @params = c.BotocoreParams }).ToArray());

        Assert.Equal(Cases.Length, botocore.Count);
        for (var i = 0; i < Cases.Length; i++)
        {
            // botocore keeps integers as numbers in the body dict until it url-encodes it
            var expected = botocore[i]!.AsObject().ToDictionary(
                p => p.Key,
                p => p.Value!.GetValueKind() == System.Text.Json.JsonValueKind.String ? p.Value.GetValue<string>() : p.Value.ToJsonString());
            var ours = Cases[i].Ours.Fields.ToDictionary(p => p.Key, p => p.Value);
            Assert.Equal(expected.OrderBy(p => p.Key), ours.OrderBy(p => p.Key));
        }
    }

    [Fact]
    public void The_body_is_form_encoded_and_decodes_back_to_the_same_fields()
    {
        var parameters = RequestWriter.Write(new DescribeDBClusterSnapshotsRequest
        {
            Marker = "a b+c/d=e&f%g:h~ü",
            Filters = [new("db-cluster-id", ["x&y"])],
        });

        var body = System.Text.Encoding.UTF8.GetString(parameters.ToFormBody());

        Assert.StartsWith("Action=DescribeDBClusterSnapshots&Version=2014-10-31&", body);
        Assert.DoesNotContain(' ', body);
        var decoded = QueryHelpers.ParseQuery(body).ToDictionary(p => p.Key, p => p.Value.ToString());
        Assert.Equal(parameters.Fields.ToDictionary(p => p.Key, p => p.Value), decoded);
    }

    [Fact]
    public void Unset_members_and_empty_lists_are_left_out()
    {
        var parameters = RequestWriter.Write(new DescribeDBClustersRequest());

        Assert.Equal([new("Action", "DescribeDBClusters"), new("Version", "2014-10-31")], parameters.Fields);
    }
}
