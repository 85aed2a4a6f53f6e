using System.Xml.Linq;
using LabRunner.Rds.Model;
using LabRunner.Rds.Protocol;
using LabRunner.TestSupport.Http;

namespace LabRunner.Rds.Tests.Client;

/// <summary>Every response shape LabRunner reads, from moto's real bodies and from the service model's shapes.</summary>
public sealed class ResponseParsingTests
{
    private static readonly Uri Endpoint = new("http://127.0.0.1:4566/");

    private static T Read<T>(string file, string action, Func<XElement, T> reader)
    {
        var captured = CapturedResponse.Load(file);
        return reader(ReadAnswers.ResultOf(action, captured.StatusCode, captured.Body, Endpoint));
    }

    [Fact]
    public void Reads_a_cluster_with_its_writer_from_moto()
    {
        var response = Read("moto/DescribeDBClusters.200.xml", "DescribeDBClusters", ResponseReader.DescribeDBClusters);

        var cluster = Assert.Single(response.DBClusters);
        Assert.Equal("aurora-alice-cluster", cluster.DBClusterIdentifier);
        Assert.Equal("arn:aws:rds:us-east-1:123456789012:cluster:aurora-alice-cluster", cluster.DBClusterArn);
        Assert.Equal("available", cluster.Status);
        Assert.Equal("aurora-mysql", cluster.Engine);
        Assert.Equal("5.7.mysql_aurora.2.07.2", cluster.EngineVersion);
        Assert.Equal("03:00-03:30", cluster.PreferredBackupWindow);
        Assert.Equal("sun:05:00-sun:05:30", cluster.PreferredMaintenanceWindow);
        Assert.Equal(1, cluster.BackupRetentionPeriod);
        Assert.Equal(1, cluster.AllocatedStorage);
        Assert.Null(cluster.PendingModifiedValues);
        Assert.Null(cluster.PercentProgress);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 22, 38, 39, TimeSpan.Zero).AddTicks(4268630), cluster.ClusterCreateTime);
        var writer = Assert.Single(cluster.DBClusterMembers);
        Assert.Equal(new DBClusterMember { DBInstanceIdentifier = "aurora-alice-instance-1", IsClusterWriter = true, DBClusterParameterGroupStatus = "in-sync", PromotionTier = 1 }, writer);
        Assert.Null(response.Marker);
    }

    [Fact]
    public void Reads_an_instance_state_from_DBInstanceStatus()
    {
        var response = Read("moto/DescribeDBInstances.200.xml", "DescribeDBInstances", ResponseReader.DescribeDBInstances);

        var instance = Assert.Single(response.DBInstances);
        Assert.Equal("aurora-alice-instance-1", instance.DBInstanceIdentifier);
        Assert.Equal("available", instance.DBInstanceStatus);
        Assert.Equal("aurora-alice-cluster", instance.DBClusterIdentifier);
        Assert.Equal("db.r5.large", instance.DBInstanceClass);
        Assert.Equal("aurora-mysql", instance.Engine);
        Assert.Equal("wed:06:38-wed:07:08", instance.PreferredMaintenanceWindow);
        Assert.Equal("03:00-03:30", instance.PreferredBackupWindow);
        Assert.Equal(1, instance.BackupRetentionPeriod);
        Assert.Equal("arn:aws:rds:us-east-1:123456789012:db:aurora-alice-instance-1", instance.DBInstanceArn);
        Assert.Equal(new DateTime(2026, 11, 25, 22, 38, 39, DateTimeKind.Utc).AddTicks(4387480), instance.InstanceCreateTime?.UtcDateTime);
    }

    [Fact]
    public void Reads_a_created_snapshot_with_an_integer_progress()
    {
        var snapshot = Read("moto/CreateDBClusterSnapshot.200.xml", "CreateDBClusterSnapshot", ResponseReader.CreateDBClusterSnapshot).DBClusterSnapshot;

        Assert.Equal("aurora-alice-snap1", snapshot.DBClusterSnapshotIdentifier);
        Assert.Equal("aurora-alice-cluster", snapshot.DBClusterIdentifier);
        Assert.Equal("available", snapshot.Status);
        Assert.Equal(100, snapshot.PercentProgress);
        Assert.Equal("manual", snapshot.SnapshotType);
        Assert.Equal("aurora-mysql", snapshot.Engine);
        Assert.Equal(false, snapshot.StorageEncrypted);
        Assert.Equal("arn:aws:rds:us-east-1:123456789012:cluster-snapshot:aurora-alice-snap1", snapshot.DBClusterSnapshotArn);
        Assert.NotNull(snapshot.SnapshotCreateTime);
        Assert.True(snapshot.ClusterCreateTime < snapshot.SnapshotCreateTime);
    }

    [Fact]
    public void Reads_manual_and_automated_snapshots_of_a_cluster()
    {
        var response = Read("moto/DescribeDBClusterSnapshots.200.xml", "DescribeDBClusterSnapshots", ResponseReader.DescribeDBClusterSnapshots);

        Assert.Equal(
            [("rds:aurora-alice-cluster-2026-11-25-22-38", "automated"), ("aurora-alice-snap1", "manual")],
            response.DBClusterSnapshots.Select(s => (s.DBClusterSnapshotIdentifier, s.SnapshotType!)));
        Assert.Null(response.Marker);
    }

    [Fact]
    public void Reads_the_snapshot_returned_by_copy_and_by_delete()
    {
        var copied = Read("moto/CopyDBClusterSnapshot.200.xml", "CopyDBClusterSnapshot", ResponseReader.CopyDBClusterSnapshot).DBClusterSnapshot;
        var deleted = Read("moto/DeleteDBClusterSnapshot.200.xml", "DeleteDBClusterSnapshot", ResponseReader.DeleteDBClusterSnapshot).DBClusterSnapshot;

        Assert.Equal("aurora-alice-copy", copied.DBClusterSnapshotIdentifier);
        Assert.Equal("manual", copied.SnapshotType);
        Assert.Equal("aurora-alice-copy", deleted.DBClusterSnapshotIdentifier);
        Assert.Equal("aurora-alice-cluster", deleted.DBClusterIdentifier);
    }

    [Theory]
    [InlineData("moto/ModifyDBClusterSnapshotAttribute.200.xml", "ModifyDBClusterSnapshotAttribute")]
    [InlineData("moto/DescribeDBClusterSnapshotAttributes.200.xml", "DescribeDBClusterSnapshotAttributes")]
    public void Reads_the_sharing_attributes(string file, string action)
    {
        var result = action == "ModifyDBClusterSnapshotAttribute"
            ? Read(file, action, ResponseReader.ModifyDBClusterSnapshotAttribute).DBClusterSnapshotAttributesResult
            : Read(file, action, ResponseReader.DescribeDBClusterSnapshotAttributes).DBClusterSnapshotAttributesResult;

        Assert.Equal("aurora-alice-snap1", result.DBClusterSnapshotIdentifier);
        var restore = Assert.Single(result.DBClusterSnapshotAttributes);
        Assert.Equal("restore", restore.AttributeName);
        Assert.Equal(["123456789012", "210987654321"], restore.AttributeValues);
    }

    [Fact]
    public void Reads_the_cluster_returned_by_ModifyDBCluster()
    {
        var cluster = Read("moto/ModifyDBCluster.200.xml", "ModifyDBCluster", ResponseReader.ModifyDBCluster).DBCluster;

        Assert.Equal("aurora-alice-cluster", cluster.DBClusterIdentifier);
        Assert.Equal("04:00-04:30", cluster.PreferredBackupWindow);
    }

    [Fact]
    public void Reads_a_page_marker_a_string_progress_and_pending_values_as_RDS_sends_them()
    {
        var response = Read("rds/DescribeDBClusters-page.200.xml", "DescribeDBClusters", ResponseReader.DescribeDBClusters);

        Assert.Equal("eyJ2IjoyLCJjIjoiYXVyb3JhLWJvYi1jbHVzdGVyIn0=", response.Marker);
        var cluster = Assert.Single(response.DBClusters);
        Assert.Equal("backing-up", cluster.Status);
        Assert.Equal("42", cluster.PercentProgress);
        Assert.Equal(new DateTimeOffset(2025, 1, 15, 8, 30, 12, 345, TimeSpan.Zero), cluster.ClusterCreateTime);
        Assert.Equal(
            new ClusterPendingModifiedValues { EngineVersion = "15.5", BackupRetentionPeriod = 14, IAMDatabaseAuthenticationEnabled = true },
            cluster.PendingModifiedValues);
        Assert.Equal(
            [("aurora-alice-instance-1", true, 1), ("aurora-alice-instance-2", false, 15)],
            cluster.DBClusterMembers.Select(m => (m.DBInstanceIdentifier, m.IsClusterWriter, m.PromotionTier ?? -1)));
    }

    [Fact]
    public void Reads_an_empty_list_with_no_marker()
    {
        var response = Read("rds/DescribeDBClusters-empty.200.xml", "DescribeDBClusters", ResponseReader.DescribeDBClusters);

        Assert.Empty(response.DBClusters);
        Assert.Null(response.Marker);
    }

    [Fact]
    public void Reads_timestamps_with_any_number_of_fractional_digits_or_an_offset()
    {
        var response = Read("rds/DescribeDBClusterSnapshots-creating.200.xml", "DescribeDBClusterSnapshots", ResponseReader.DescribeDBClusterSnapshots);

        var (creating, copy) = (response.DBClusterSnapshots[0], response.DBClusterSnapshots[1]);
        Assert.Equal("creating", creating.Status);
        Assert.Equal(42, creating.PercentProgress);
        Assert.Equal(true, creating.StorageEncrypted);
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 10, 15, 30, TimeSpan.Zero).AddTicks(1234567), creating.SnapshotCreateTime);
        Assert.Equal(new DateTimeOffset(2024, 12, 31, 23, 59, 59, TimeSpan.Zero), creating.ClusterCreateTime);
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 11, 0, 0, 500, TimeSpan.Zero), copy.SnapshotCreateTime);
        Assert.Equal("arn:aws:rds:eu-west-1:123456789012:cluster-snapshot:aurora-alice-snap1", copy.SourceDBClusterSnapshotArn);
    }

    [Fact]
    public void A_value_that_is_not_what_the_model_says_is_reported_not_guessed()
    {
        var body = RdsReplies.SuccessXml("DescribeDBClusters",
            "<DBClusters><DBCluster><DBClusterIdentifier>c</DBClusterIdentifier><BackupRetentionPeriod>seven</BackupRetentionPeriod></DBCluster></DBClusters>");
        var result = ReadAnswers.ResultOf("DescribeDBClusters", 200, body, Endpoint);

        var problem = Assert.Throws<InvalidDataException>(() => ResponseReader.DescribeDBClusters(result));
        Assert.Contains("BackupRetentionPeriod", problem.Message);
        Assert.Contains("seven", problem.Message);
    }

    [Fact]
    public void A_resource_without_its_identifier_is_reported()
    {
        var body = RdsReplies.SuccessXml("DescribeDBClusterSnapshots", "<DBClusterSnapshots><DBClusterSnapshot><Status>available</Status></DBClusterSnapshot></DBClusterSnapshots>");
        var result = ReadAnswers.ResultOf("DescribeDBClusterSnapshots", 200, body, Endpoint);

        var problem = Assert.Throws<InvalidDataException>(() => ResponseReader.DescribeDBClusterSnapshots(result));
        Assert.Contains("DBClusterSnapshotIdentifier", problem.Message);
    }

    [Fact]
    public void Blank_lines_before_the_XML_declaration_are_skipped()
    {
        var body = "\r\n  \n<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + RdsReplies.SuccessXml("DescribeDBClusters", "<DBClusters><DBCluster><DBClusterIdentifier>c</DBClusterIdentifier></DBCluster></DBClusters>");

        var clusters = ResponseReader.DescribeDBClusters(ReadAnswers.ResultOf("DescribeDBClusters", 200, body, Endpoint)).DBClusters;

        Assert.Equal("c", Assert.Single(clusters).DBClusterIdentifier);
    }

    [Fact]
    public async Task A_body_in_the_charset_its_answer_declares_is_read_in_it()
    {
        var xml = RdsReplies.SuccessXml("DescribeDBClusters", "<DBClusters><DBCluster><DBClusterIdentifier>c</DBClusterIdentifier><Engine>aurora-ÿ</Engine></DBCluster></DBClusters>");
        using var content = new ByteArrayContent(System.Text.Encoding.Latin1.GetBytes(xml));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/xml") { CharSet = "iso-8859-1" };
        using var answer = await ResponseBody.ReadAsync(content, "DescribeDBClusters", 200, Endpoint, CancellationToken.None);

        var clusters = ResponseReader.DescribeDBClusters(ResponseInterpreter.ResultOf("DescribeDBClusters", 200, answer, Endpoint)).DBClusters;

        Assert.Equal("aurora-ÿ", Assert.Single(clusters).Engine);
    }

    [Fact]
    public async Task A_charset_dotnet_refuses_to_decode_is_read_as_UTF_8()
    {
        var xml = RdsReplies.SuccessXml("DescribeDBClusters", "<DBClusters><DBCluster><DBClusterIdentifier>c</DBClusterIdentifier></DBCluster></DBClusters>");
        using var content = new StringContent(xml);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/xml") { CharSet = "utf-7" };
        using var answer = await ResponseBody.ReadAsync(content, "DescribeDBClusters", 200, Endpoint, CancellationToken.None);

        var clusters = ResponseReader.DescribeDBClusters(ResponseInterpreter.ResultOf("DescribeDBClusters", 200, answer, Endpoint)).DBClusters;

        Assert.Equal("c", Assert.Single(clusters).DBClusterIdentifier);
    }
}
