using System.Text;
using BenchmarkDotNet.Attributes;
using LabRunner.Rds;
using LabRunner.Rds.Model;
using LabRunner.TestSupport.Http;
using LabRunner.TestSupport.Peers;

namespace LabRunner.Benchmarks;

/// <summary>
/// What the RDS client costs per call beyond the HTTP round trip: form serialization, SigV4, the Polly pipeline and XML
/// parsing, against an in-memory handler answering canned RDS XML. The baseline sends an equal request through a bare
/// HttpClient on the same handler and reads the body; the difference is the client's overhead (target: under 1 ms).
/// </summary>
[MemoryDiagnoser]
public class RdsClientOverhead
{
    private static readonly string ClusterPage = RdsReplies.SuccessXml("DescribeDBClusters", "<DBClusters>" + Cluster("aurora-alice-cluster") + "</DBClusters>");

    private static readonly string SnapshotPage = RdsReplies.SuccessXml(
        "DescribeDBClusterSnapshots",
        "<Marker>next-page</Marker><DBClusterSnapshots>" + string.Concat(Enumerable.Range(1, 100).Select(Snapshot)) + "</DBClusterSnapshots>");

    private readonly byte[] rawBody = Encoding.UTF8.GetBytes("Action=DescribeDBClusters&Version=2014-10-31&DBClusterIdentifier=aurora-alice-cluster");
    private HttpClient raw = null!;
    private RdsQueryClient clusterClient = null!;
    private RdsQueryClient snapshotClient = null!;

    [GlobalSetup]
    public async Task SetUp()
    {
        raw = new HttpClient(new CannedResponseHandler(ClusterPage));
        clusterClient = await PeerClients.CreateClientAsync(new Uri("http://127.0.0.1:4566/"), o => o with { HttpMessageHandler = new CannedResponseHandler(ClusterPage) });
        snapshotClient = await PeerClients.CreateClientAsync(new Uri("http://127.0.0.1:4566/"), o => o with { HttpMessageHandler = new CannedResponseHandler(SnapshotPage) });
    }

    [GlobalCleanup]
    public void CleanUp()
    {
        raw.Dispose();
        clusterClient.Dispose();
        snapshotClient.Dispose();
    }

    [Benchmark(Baseline = true, Description = "bare HttpClient, same canned answer")]
    public async Task<int> RawRoundTrip()
    {
        using var content = new ByteArrayContent(rawBody);
        using var response = await raw.PostAsync("http://127.0.0.1:4566/", content);
        return (await response.Content.ReadAsStringAsync()).Length;
    }

    [Benchmark(Description = "DescribeDBClusters, one cluster")]
    public async Task<int> DescribeOneCluster() =>
        (await clusterClient.DescribeDBClustersAsync(new DescribeDBClustersRequest { DBClusterIdentifier = "aurora-alice-cluster" })).DBClusters.Count;

    [Benchmark(Description = "DescribeDBClusterSnapshots, 100-snapshot page")]
    public async Task<int> DescribeSnapshotPage() =>
        (await snapshotClient.DescribeDBClusterSnapshotsAsync(new DescribeDBClusterSnapshotsRequest { DBClusterIdentifier = "aurora-alice-cluster", MaxRecords = 100 })).DBClusterSnapshots.Count;

    private static string Cluster(string id) =>
        $"<DBCluster><DBClusterIdentifier>{id}</DBClusterIdentifier><DBClusterArn>arn:aws:rds:us-east-1:123456789012:cluster:{id}</DBClusterArn>"
        + "<Status>available</Status><Engine>aurora-mysql</Engine><EngineVersion>8.0.mysql_aurora.3.05.2</EngineVersion>"
        + "<PreferredBackupWindow>03:00-03:30</PreferredBackupWindow><PreferredMaintenanceWindow>sun:05:00-sun:05:30</PreferredMaintenanceWindow>"
        + "<BackupRetentionPeriod>1</BackupRetentionPeriod><ClusterCreateTime>2025-01-15T08:30:12.345Z</ClusterCreateTime>"
        + "<DBClusterMembers><DBClusterMember><DBInstanceIdentifier>aurora-alice-instance-1</DBInstanceIdentifier><IsClusterWriter>true</IsClusterWriter>"
        + "<DBClusterParameterGroupStatus>in-sync</DBClusterParameterGroupStatus><PromotionTier>1</PromotionTier></DBClusterMember></DBClusterMembers></DBCluster>";

    private static string Snapshot(int i) =>
        $"<DBClusterSnapshot><DBClusterSnapshotIdentifier>aurora-alice-snap{i}</DBClusterSnapshotIdentifier><DBClusterIdentifier>aurora-alice-cluster</DBClusterIdentifier>"
        + $"<DBClusterSnapshotArn>arn:aws:rds:us-east-1:123456789012:cluster-snapshot:aurora-alice-snap{i}</DBClusterSnapshotArn>"
        + "<Status>available</Status><PercentProgress>100</PercentProgress><SnapshotType>manual</SnapshotType><Engine>aurora-mysql</Engine>"
        + "<AllocatedStorage>1</AllocatedStorage><StorageEncrypted>false</StorageEncrypted>"
        + "<SnapshotCreateTime>2025-03-01T10:15:30.123Z</SnapshotCreateTime><ClusterCreateTime>2025-01-15T08:30:12.345Z</ClusterCreateTime></DBClusterSnapshot>";
}
