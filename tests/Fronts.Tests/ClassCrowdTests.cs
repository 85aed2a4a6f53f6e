using System.Diagnostics;
using System.Text.Json;
using Xunit.Abstractions;
using LabRunner.TestSupport;
using LabRunner.TestSupport.Network;
using LabRunner.TestSupport.Peers;
using LabRunner.TestSupport.Python;

namespace LabRunner.Fronts.Tests;

/// <summary>
/// A class on the machine's LAN address: learners join through the real join command, then all of them work at once
/// with boto3, each signing with their own key, and the instructor's class view judges everyone.
/// </summary>
public sealed class ClassCrowdTests(ITestOutputHelper log) : IDisposable
{
    private const int Learners = 20;

    private const string Script = """
        import json, sys, concurrent.futures
        import boto3, botocore.exceptions

        def work(learner):
            rds = boto3.client('rds', endpoint_url=learner['endpoint'], region_name=learner['region'],
                               aws_access_key_id=learner['key'], aws_secret_access_key=learner['secret'])
            name = learner['name']
            rds.create_db_cluster_snapshot(DBClusterSnapshotIdentifier=f'aurora-{name}-snap1', DBClusterIdentifier=f'aurora-{name}-cluster')
            rds.modify_db_cluster(DBClusterIdentifier=f'aurora-{name}-cluster', PreferredBackupWindow='05:00-05:45', ApplyImmediately=True)
            seen = [cluster['DBClusterIdentifier'] for cluster in rds.describe_db_clusters()['DBClusters']]
            try:
                rds.delete_db_cluster_snapshot(DBClusterSnapshotIdentifier=f"aurora-{learner['neighbour']}-snap1")
                neighbour = 'deleted'
            except botocore.exceptions.ClientError as error:
                neighbour = error.response['Error']['Code']
            return {'name': name, 'seen': seen, 'neighbour': neighbour}

        learners = json.load(sys.stdin)
        with concurrent.futures.ThreadPoolExecutor(max_workers=len(learners)) as pool:
            print(json.dumps(list(pool.map(work, learners))))
        """;

    private readonly TempDirectory folder = new();

    public void Dispose() => folder.Dispose();

    [LanFact(RealPeer.Boto3)]
    public async Task Learners_joined_through_the_join_command_work_at_once_each_in_their_own_account()
    {
        var instructorHome = Directory.CreateDirectory(folder.PathOf("instructor")).FullName;
        await using var server = await SandboxProcess.StartAsync(LabRunnerBinary.IsolatedEnvironment(instructorHome),
            "--state", folder.PathOf("state.json"), "--bind", LanAddress.Value!.ToString(), "--snapshot-seconds", "0",
            "--class", "Crowd", "--lab", Repository.PathOf("labs", "aurora-backup"));
        var names = Enumerable.Range(1, Learners).Select(index => $"learner{index:00}").ToList();
        var added = await LabRunnerBinary.RunAsync(folder.Path, instructorHome, ["sandbox", "add-learners", string.Join(',', names)]);
        Assert.True(added.ExitCode == 0, added.ToString());
        var joinLines = added.StandardOutput.Split('\n').Where(line => line.Contains(" labrunner join ", StringComparison.Ordinal))
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToDictionary(words => words[0], words => (Address: words[3], Code: words[4]));

        var joining = Stopwatch.StartNew();
        using var twoAtOnce = new SemaphoreSlim(2);
        var joined = await Task.WhenAll(names.Select(async name =>
        {
            await twoAtOnce.WaitAsync();
            try
            {
                var home = Directory.CreateDirectory(folder.PathOf(name)).FullName;
                var result = await LabRunnerBinary.RunAsync(folder.Path, home, "join", joinLines[name].Address, joinLines[name].Code);
                Assert.True(result.ExitCode == 0, result.ToString());
                var target = JsonDocument.Parse(File.ReadAllText(Path.Combine(home, "data", "targets.json"))).RootElement.GetProperty("targets")[0];
                return new { name, endpoint = target.GetProperty("endpoint").GetString(), region = target.GetProperty("region").GetString(), key = target.GetProperty("accessKeyId").GetString(), secret = target.GetProperty("secretAccessKey").GetString() };
            }
            finally
            {
                twoAtOnce.Release();
            }
        }));
        log.WriteLine($"{Learners} learners joined through the join command in {joining.Elapsed.TotalSeconds:0.0} s");
        var working = Stopwatch.StartNew();
        var results = (await PythonRunner.RunJsonAsync(Script, joined.Select((learner, index) => new { learner.name, learner.endpoint, learner.region, learner.key, learner.secret, neighbour = names[(index + 1) % Learners] }))).AsArray();
        log.WriteLine($"{Learners} learners worked at once with boto3 in {working.Elapsed.TotalSeconds:0.0} s");
        var classView = await LabRunnerBinary.RunAsync(folder.Path, instructorHome, "class", "aurora-backup", "--format", "csv");

        Assert.All(results, result =>
        {
            Assert.Equal([$"aurora-{result!["name"]}-cluster"], result!["seen"]!.AsArray().Select(seen => seen!.GetValue<string>()));
            Assert.Equal("DBClusterSnapshotNotFoundFault", result["neighbour"]!.GetValue<string>());
        });
        Assert.True(classView.ExitCode == 0, classView.ToString());
        log.WriteLine(classView.StandardOutput);
        Assert.All(names, name => Assert.Matches($"(?m)^{name},.*passed.*passed.*passed", classView.StandardOutput));
    }
}
