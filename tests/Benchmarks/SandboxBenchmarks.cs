using BenchmarkDotNet.Attributes;
using LabRunner.Content.Templates;
using LabRunner.Sandbox;
using LabRunner.TestSupport;
using LabRunner.TestSupport.Moto;
using LabRunner.TestSupport.Sandbox;

namespace LabRunner.Benchmarks;

/// <summary>
/// The sandbox holding 1,000 clusters (each with a writer and an automated snapshot) and 4,000 manual snapshots
/// (5,000 in all), answering Describe calls on loopback, side by side with moto 5.2 holding the same clusters
/// (moto refuses manual snapshots past RDS's default quota of 100, so it holds 1,000 automated and 100 manual ones).
/// Each call is a raw form POST whose body is read in full. moto ignores MaxRecords, so page benchmarks are
/// sandbox-only; lookups by identifier are the calls both answer alike.
/// </summary>
[MemoryDiagnoser]
public class SandboxDescribe
{
    private const int Clusters = 1000;
    private const int ManualSnapshotsPerCluster = 4;

    /// <summary>Seeding moto takes minutes, so every benchmark case in the process shares one pair of peers, stopped at exit.</summary>
    private static readonly Lazy<Task<(SandboxHost Sandbox, MotoServer Moto)>> Peers = new(StartPeersAsync);

    private HttpClient sandboxHttp = null!;
    private HttpClient motoHttp = null!;

    [GlobalSetup]
    public async Task SetUp()
    {
        var (sandbox, moto) = await Peers.Value;
        sandboxHttp = new HttpClient { BaseAddress = sandbox.Uri };
        motoHttp = new HttpClient { BaseAddress = moto.Endpoint };
    }

    [GlobalCleanup]
    public void CleanUp()
    {
        sandboxHttp.Dispose();
        motoHttp.Dispose();
    }

    private static async Task<(SandboxHost, MotoServer)> StartPeersAsync()
    {
        var sandbox = await SandboxHost.StartAsync(new SandboxOptions { ManualSnapshotQuota = 10_000, SnapshotDuration = TimeSpan.Zero });
        var moto = new MotoServer();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            moto.DisposeAsync().GetAwaiter().GetResult();
            sandbox.DisposeAsync().AsTask().GetAwaiter().GetResult();
        };
        sandbox.Seed(Fixtures.Bound(Enumerable.Range(0, Clusters).Select(index => Fixtures.DbCluster(("cluster", $"cluster-{index:0000}"), ("writer-instance", $"cluster-{index:0000}-writer"))), new PlaceholderValues([])));
        using (var http = new HttpClient { BaseAddress = sandbox.Uri })
        {
            for (var index = 0; index < Clusters; index++)
                for (var snapshot = 0; snapshot < ManualSnapshotsPerCluster; snapshot++)
                    await PostAsync(http, "CreateDBClusterSnapshot", ("DBClusterIdentifier", $"cluster-{index:0000}"), ("DBClusterSnapshotIdentifier", $"cluster-{index:0000}-snap{snapshot}"));
        }
        await moto.InitializeAsync();
        var seeded = await ExternalProcess.RunAsync("python3", ["-c", MotoSeedScript, moto.Endpoint.ToString(), Clusters.ToString(), ManualSnapshotsPerCluster.ToString()],
            AwsCli.Environment(), TimeSpan.FromMinutes(15));
        if (seeded.ExitCode != 0)
            throw new InvalidOperationException(seeded.ToString());
        return (sandbox, moto);
    }

    private const string MotoSeedScript = """
        import sys, boto3
        rds = boto3.client("rds", endpoint_url=sys.argv[1], region_name="us-east-1")
        clusters, per_cluster = int(sys.argv[2]), int(sys.argv[3])
        for i in range(clusters):
            cluster = f"cluster-{i:04d}"
            rds.create_db_cluster(DBClusterIdentifier=cluster, Engine="aurora-mysql", MasterUsername="admin", MasterUserPassword="labrunner-password")
            rds.create_db_instance(DBInstanceIdentifier=f"{cluster}-writer", DBClusterIdentifier=cluster, Engine="aurora-mysql", DBInstanceClass="db.r6g.large")
            # moto caps manual cluster snapshots at RDS's default quota of 100: only the first 25 clusters get theirs.
            for s in range(per_cluster if i < 25 else 0):
                rds.create_db_cluster_snapshot(DBClusterIdentifier=cluster, DBClusterSnapshotIdentifier=f"{cluster}-snap{s}")
        """;

    [Benchmark(Description = "sandbox: DescribeDBClusterSnapshots, one page of 100 of 5,000")]
    public Task<string> SandboxSnapshotPage() => PostAsync(sandboxHttp, "DescribeDBClusterSnapshots", ("MaxRecords", "100"), ("Marker", "Y2x1c3Rlci0wNTAw"));

    [Benchmark(Description = "sandbox: DescribeDBClusters, one page of 100 of 1,000")]
    public Task<string> SandboxClusterPage() => PostAsync(sandboxHttp, "DescribeDBClusters", ("MaxRecords", "100"));

    [Benchmark(Description = "sandbox: DescribeDBClusters by identifier")]
    public Task<string> SandboxClusterById() => PostAsync(sandboxHttp, "DescribeDBClusters", ("DBClusterIdentifier", "cluster-0500"));

    [Benchmark(Description = "moto: DescribeDBClusters by identifier")]
    public Task<string> MotoClusterById() => PostAsync(motoHttp, "DescribeDBClusters", ("DBClusterIdentifier", "cluster-0500"));

    [Benchmark(Description = "sandbox: DescribeDBClusterSnapshots of one cluster")]
    public Task<string> SandboxSnapshotsOfCluster() => PostAsync(sandboxHttp, "DescribeDBClusterSnapshots", ("DBClusterIdentifier", "cluster-0010"), ("SnapshotType", "manual"));

    [Benchmark(Description = "moto: DescribeDBClusterSnapshots of one cluster")]
    public Task<string> MotoSnapshotsOfCluster() => PostAsync(motoHttp, "DescribeDBClusterSnapshots", ("DBClusterIdentifier", "cluster-0010"), ("SnapshotType", "manual"));

    [Benchmark(Description = "sandbox: DescribeDBClusterSnapshots by identifier")]
    public Task<string> SandboxSnapshotById() => PostAsync(sandboxHttp, "DescribeDBClusterSnapshots", ("DBClusterSnapshotIdentifier", "cluster-0010-snap1"));

    [Benchmark(Description = "moto: DescribeDBClusterSnapshots by identifier")]
    public Task<string> MotoSnapshotById() => PostAsync(motoHttp, "DescribeDBClusterSnapshots", ("DBClusterSnapshotIdentifier", "cluster-0010-snap1"));

    private static async Task<string> PostAsync(HttpClient http, string action, params (string Name, string Value)[] parameters)
    {
        using var response = await http.PostAsync("/", new FormUrlEncodedContent([new("Action", action), new("Version", "2014-10-31"), .. parameters.Select(p => KeyValuePair.Create(p.Name, p.Value))]));
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? body : throw new InvalidOperationException($"{action}: {(int)response.StatusCode} {body}");
    }
}

/// <summary>How long an in-process sandbox takes to start listening and to stop (the fronts start one per run against the sandbox).</summary>
public class SandboxStartup
{
    [Benchmark(Description = "SandboxHost.StartAsync + DisposeAsync, empty in-memory state")]
    public async Task StartAndStop()
    {
        await using var host = await SandboxHost.StartAsync(new SandboxOptions());
    }
}
