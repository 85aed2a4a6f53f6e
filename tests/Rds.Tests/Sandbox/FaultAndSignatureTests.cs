using System.Diagnostics;
using LabRunner.Sandbox;
using LabRunner.Sandbox.Http;
using LabRunner.TestSupport;
using LabRunner.TestSupport.Peers;
using LabRunner.TestSupport.Sandbox;

namespace LabRunner.Rds.Tests.Sandbox;

public sealed class FaultTests
{
    [Fact]
    public void Fault_spec_parses_and_prints_back()
    {
        var spec = FaultSpec.Parse("throttle=0.2, error500=0.1,drop=0.05,latency=50ms,seed=7");

        Assert.Equal(new FaultSpec(0.2, 0.1, 0.05, TimeSpan.FromMilliseconds(50), 7), spec);
        Assert.Equal("throttle=0.2,error500=0.1,drop=0.05,latency=50ms,seed=7", spec.ToString());
        Assert.Equal(TimeSpan.FromSeconds(1.5), FaultSpec.Parse("latency=1.5s").Latency);
    }

    [Theory]
    [InlineData("throttle", "'throttle' is not name=value")]
    [InlineData("throttle=1.5", "throttle '1.5' is not a rate between 0 and 1")]
    [InlineData("latency=50", "latency '50' is not a duration such as 50ms or 1.5s")]
    [InlineData("seed=x", "seed 'x' is not an integer")]
    public void Bad_fault_specs_say_what_is_wrong(string text, string message) =>
        Assert.Contains(message, Assert.Throws<FormatException>(() => FaultSpec.Parse(text)).Message);

    [Fact]
    public async Task Seeded_faults_answer_throttling_500s_and_dropped_connections_in_rds_shape()
    {
        await using var sandbox = await SandboxFixture.StartAsync(options => options with { Faults = FaultSpec.Parse("throttle=0.3,error500=0.2,drop=0.1,seed=42") });
        var outcomes = new List<string>();
        for (var index = 0; index < 200; index++)
        {
            try
            {
                var result = await sandbox.CallAsync("DescribeDBClusters");
                outcomes.Add(result.Status == 200 ? "ok" : $"{result.Status} {result.ErrorCode} {result.ErrorType}");
            }
            catch (HttpRequestException)
            {
                outcomes.Add("dropped");
            }
        }

        var counts = outcomes.GroupBy(outcome => outcome).ToDictionary(group => group.Key, group => group.Count());
        Assert.Equal(["400 Throttling Sender", "500 InternalFailure Receiver", "dropped", "ok"], counts.Keys.Order(StringComparer.Ordinal));
        Assert.InRange(counts["400 Throttling Sender"], 40, 80);
        Assert.InRange(counts["500 InternalFailure Receiver"], 25, 55);
        Assert.InRange(counts["dropped"], 8, 35);
        Assert.InRange(counts["ok"], 60, 120);
    }

    [Fact]
    public async Task The_same_seed_injects_the_same_sequence()
    {
        async Task<string> Run()
        {
            await using var sandbox = await SandboxFixture.StartAsync(options => options with { Faults = FaultSpec.Parse("throttle=0.5,seed=3") });
            var statuses = new List<int>();
            for (var index = 0; index < 30; index++)
                statuses.Add((await sandbox.CallAsync("DescribeDBClusters")).Status);
            return string.Join(',', statuses);
        }

        Assert.Equal(await Run(), await Run());
    }

    [Fact]
    public async Task Faults_can_be_switched_on_after_setup_and_latency_delays_answers()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        sandbox.SeedCluster("aurora-alice-cluster");
        sandbox.Host.Faults = FaultSpec.Parse("latency=120ms");

        var stopwatch = Stopwatch.StartNew();
        var result = await sandbox.CallAsync("DescribeDBClusters");

        Assert.Equal(200, result.Status);
        // .NET's timers run on a coarse clock and may fire a few milliseconds early; an answer without the latency takes ~1 ms.
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromMilliseconds(100), $"answered after {stopwatch.Elapsed}");
    }
}

/// <summary>SigV4 verification, with the real AWS CLI signing (botocore's signer, not ours).</summary>
public sealed class SignatureTests : IAsyncLifetime
{
    private SandboxFixture sandbox = null!;

    public async Task InitializeAsync()
    {
        sandbox = await SandboxFixture.StartAsync(options => options with { VerifySignaturesWith = [new AccessKey(AwsCli.AccessKeyId, AwsCli.SecretAccessKey)] });
        // The AWS CLI and boto3 sign with the real clock, and the sandbox holds the request time against its own.
        sandbox.Time.SetUtcNow(DateTimeOffset.UtcNow);
    }

    public async Task DisposeAsync() => await sandbox.DisposeAsync();

    [PeerFact(RealPeer.AwsCli)]
    public async Task Requests_signed_with_a_known_key_are_answered()
    {
        sandbox.SeedCluster("aurora-alice-cluster");

        var result = await AwsCli.RdsAsync(sandbox.Uri, "describe-db-clusters", "--db-cluster-identifier", "aurora-alice-cluster");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("\"DBClusterIdentifier\": \"aurora-alice-cluster\"", result.StandardOutput);
    }

    [PeerFact(RealPeer.Boto3)]
    public async Task Requests_boto3_signs_with_a_known_key_are_answered()
    {
        sandbox.SeedCluster("aurora-alice-cluster");

        var result = await AwsCli.Boto3Async(sandbox.Uri, "import boto3, sys\nrds = boto3.client('rds', endpoint_url=sys.argv[1])\nprint(rds.describe_db_clusters()['DBClusters'][0]['DBClusterIdentifier'])");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("aurora-alice-cluster", result.StandardOutput.Trim());
    }

    [PeerFact(RealPeer.AwsCli)]
    public async Task A_wrong_secret_is_SignatureDoesNotMatch()
    {
        var result = await AwsCli.RdsAsync(sandbox.Uri, AwsCli.Environment(secretAccessKey: "not-the-secret"), "describe-db-clusters");

        Assert.Equal(255, result.ExitCode);
        Assert.Contains("An error occurred (SignatureDoesNotMatch", result.StandardError);
        Assert.Contains("The request signature we calculated does not match the signature you provided.", result.StandardError);
    }

    [PeerFact(RealPeer.AwsCli)]
    public async Task An_unknown_key_is_InvalidClientTokenId()
    {
        var result = await AwsCli.RdsAsync(sandbox.Uri, AwsCli.Environment(accessKeyId: "AKIDUNKNOWN"), "describe-db-clusters");

        Assert.Equal(255, result.ExitCode);
        Assert.Contains("(InvalidClientTokenId)", result.StandardError);
    }

    [Fact]
    public async Task An_unsigned_request_is_refused_with_403()
    {
        var result = await sandbox.CallAsync("DescribeDBClusters");

        Assert.Equal((403, "MissingAuthenticationToken"), (result.Status, result.ErrorCode));
    }
}
