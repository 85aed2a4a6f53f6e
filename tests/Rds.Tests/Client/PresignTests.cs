using System.Text.Json.Nodes;
using Amazon.Runtime;
using LabRunner.Rds.Model;
using LabRunner.TestSupport.Peers;
using LabRunner.TestSupport.Python;
using Microsoft.Extensions.Time.Testing;

namespace LabRunner.Rds.Tests.Client;

/// <summary>A pass's presigned GETs, byte for byte against botocore's <c>generate_presigned_url</c> for the same Describe at the same instant.</summary>
public sealed class PresignTests
{
    private const string BotocorePresigner = """
        import datetime, json, sys
        import boto3
        import botocore.auth as auth
        results = []
        for c in json.load(sys.stdin):
            at = datetime.datetime.fromisoformat(c['at']).replace(tzinfo=None)
            auth.get_current_datetime = lambda remove_tzinfo=True, at=at: at
            client = boto3.client('rds', region_name=c['region'], endpoint_url=c['endpoint'], aws_access_key_id=c['key'],
                                  aws_secret_access_key=c['secret'], aws_session_token=c['token'])
            results.append(client.generate_presigned_url(c['operation'], Params=c['params'], ExpiresIn=c['expires'], HttpMethod='GET'))
        print(json.dumps(results))
        """;

    private static readonly DateTimeOffset At = new(2026, 11, 30, 1, 2, 3, TimeSpan.Zero);

    private static readonly (string? Endpoint, string Region, ImmutableCredentials Credentials)[] Targets =
    [
        (null, "eu-west-1", new ImmutableCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", null)),
        (null, "eu-west-1", new ImmutableCredentials("ASIATEMPORARY", "temporary/secret", "FwoGZXIvYXdzEJr//////////wEaDH+session+token=")),
        ("http://127.0.0.1:17363", "us-east-1", new ImmutableCredentials("AKIDSANDBOX", "sandbox-secret", null)),
    ];

    [PeerFact(RealPeer.Boto3)]
    public async Task Our_presigned_describes_are_botocore_urls_byte_for_byte()
    {
        var ours = new List<string>();
        var jobs = new List<object>();
        foreach (var (endpoint, region, keys) in Targets)
        {
            using var client = await RdsClientFactory.CreateAsync(new RdsClientOptions
            {
                Endpoint = endpoint is null ? new Uri($"https://rds.{region}.amazonaws.com/") : new Uri(endpoint),
                Region = region,
                Credentials = keys.UseToken ? new SessionAWSCredentials(keys.AccessKey, keys.SecretKey, keys.Token) : new BasicAWSCredentials(keys.AccessKey, keys.SecretKey),
                TimeProvider = new FakeTimeProvider(At.AddMilliseconds(700)),
            });
            var recorder = await client.PresignReadsAsync(TimeSpan.FromHours(12));
            await recorder.DescribeDBClustersAsync(new DescribeDBClustersRequest { Filters = [new("db-cluster-id", ["aurora-alice-cluster", "b c/+~é"])], MaxRecords = 100 });
            await recorder.DescribeDBClusterSnapshotsAsync(new DescribeDBClusterSnapshotsRequest { Filters = [new("db-cluster-snapshot-id", ["aurora-alice-snap1"])], MaxRecords = 100 });
            await recorder.DescribeDBInstancesAsync(new DescribeDBInstancesRequest { Filters = [new("db-instance-id", ["aurora-alice-instance-1"])], MaxRecords = 100 });
            ours.AddRange(recorder.Requests);

            object Job(string operation, string filter, string[] values) => new
            {
                endpoint = endpoint ?? $"https://rds.{region}.amazonaws.com",
                region,
                key = keys.AccessKey,
                secret = keys.SecretKey,
                token = keys.UseToken ? keys.Token : null,
                at = At.ToString("O"),
                expires = 43200,
                operation,
                @params = new { Filters = new[] { new { Name = filter, Values = values } }, MaxRecords = 100 },
            };
            jobs.Add(Job("describe_db_clusters", "db-cluster-id", ["aurora-alice-cluster", "b c/+~é"]));
            jobs.Add(Job("describe_db_cluster_snapshots", "db-cluster-snapshot-id", ["aurora-alice-snap1"]));
            jobs.Add(Job("describe_db_instances", "db-instance-id", ["aurora-alice-instance-1"]));
        }

        var botocore = ((JsonArray)await PythonRunner.RunJsonAsync(BotocorePresigner, jobs)).Select(url => url!.GetValue<string>()).ToList();

        Assert.Equal(9, ours.Count);
        Assert.Equal(botocore, ours);
    }

    [Fact]
    public async Task A_pass_never_outlives_the_credentials_it_was_signed_with()
    {
        var expires = At + TimeSpan.FromHours(1);
        using var client = await RdsClientFactory.CreateAsync(new RdsClientOptions
        {
            Endpoint = new Uri("https://rds.eu-west-1.amazonaws.com/"),
            Region = "eu-west-1",
            Credentials = new ExpiringCredentials(expires),
            TimeProvider = new FakeTimeProvider(At),
        });

        var recorder = await client.PresignReadsAsync(TimeSpan.FromHours(12));
        await recorder.DescribeDBClustersAsync(new DescribeDBClustersRequest());

        Assert.Equal(expires, recorder.ExpiresAt);
        Assert.Contains("X-Amz-Expires=3600&", recorder.Requests.Single());
    }

    private sealed class ExpiringCredentials(DateTimeOffset expires) : AWSCredentials
    {
        public override ImmutableCredentials GetCredentials()
        {
            Expiration = expires.UtcDateTime;
            return new ImmutableCredentials("ASIATEMPORARY", "temporary/secret", "token");
        }
    }
}
