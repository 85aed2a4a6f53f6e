using System.Text;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using LabRunner.Rds.Model;
using LabRunner.Rds.Protocol;
using LabRunner.TestSupport.Peers;
using LabRunner.TestSupport.Python;

namespace LabRunner.Rds.Tests.Client;

/// <summary>Our SigV4 headers, byte for byte against botocore's SigV4Auth signing the same request at the same instant.</summary>
public sealed class SigningTests
{
    private const string BotocoreSigner = """
        import json, sys, datetime
        from unittest import mock
        import botocore.auth
        from botocore.auth import SigV4Auth
        from botocore.awsrequest import AWSRequest
        from botocore.credentials import Credentials
        results = []
        for c in json.load(sys.stdin):
            request = AWSRequest(method='POST', url=c['url'], data=c['body'].encode('utf-8'),
                                 headers={'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8', **c['extra']})
            at = datetime.datetime.fromisoformat(c['at'])
            with mock.patch.object(botocore.auth, 'get_current_datetime', return_value=at):
                SigV4Auth(Credentials(c['key'], c['secret'], c.get('token')), 'rds', c['region']).add_auth(request)
            results.append({k: request.headers.get(k) for k in ['Authorization', 'X-Amz-Date', 'X-Amz-Security-Token']})
        print(json.dumps(results))
        """;

    private static readonly DateTimeOffset At = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static readonly SdkInvocation Invocation = new("3f5e1a2b-0c4d-4e6f-8a9b-1c2d3e4f5a6b", 2);

    private static readonly (string Url, string Region, ImmutableCredentials Credentials)[] Cases =
    [
        ("http://127.0.0.1:4566/", "us-east-1", new ImmutableCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", null)),
        ("https://rds.eu-west-1.amazonaws.com/", "eu-west-1", new ImmutableCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", null)),
        ("https://rds.eu-west-1.amazonaws.com/", "eu-west-1", new ImmutableCredentials("ASIATEMPORARY", "temporary/secret", "FwoGZXIvYXdzEJr//////////wEaDH+session+token=")),
    ];

    [PeerFact(RealPeer.Boto3)]
    public async Task Our_signature_is_botocore_signature()
    {
        var body = RequestWriter.Write(new DescribeDBClusterSnapshotsRequest
        {
            DBClusterIdentifier = "aurora-alice-cluster",
            Filters = [new("snapshot-type", ["manual"])],
            Marker = "page 2",
        }).ToFormBody();

        var botocore = (JsonArray)await PythonRunner.RunJsonAsync(BotocoreSigner, Cases.Select(c => new
        {
            url = c.Url,
            region = c.Region,
            key = c.Credentials.AccessKey,
            secret = c.Credentials.SecretKey,
            token = c.Credentials.UseToken ? c.Credentials.Token : null,
            body = Encoding.UTF8.GetString(body),
            at = At.ToString("O"),
            extra = Invocation.Headers.ToDictionary(header => header.Name, header => header.Value),
        }).ToArray());

        for (var i = 0; i < Cases.Length; i++)
        {
            var (url, region, credentials) = Cases[i];
            using var request = new HttpRequestMessage(HttpMethod.Post, url);
            new QuerySigner(region).Sign(request, body, credentials, At, Invocation.Headers);

            var expected = botocore[i]!;
            Assert.Equal(expected["Authorization"]!.GetValue<string>(), Header(request, "Authorization"));
            Assert.Equal(expected["X-Amz-Date"]!.GetValue<string>(), Header(request, "X-Amz-Date"));
            Assert.Equal(expected["X-Amz-Security-Token"]?.GetValue<string>(), Header(request, "X-Amz-Security-Token"));
        }
    }

    [Fact]
    public void Temporary_credentials_sign_the_security_token_header()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1:4566/");

        new QuerySigner("us-east-1").Sign(request, [], new ImmutableCredentials("ASIA", "secret", "token"), At);

        Assert.Contains("SignedHeaders=content-type;host;x-amz-date;x-amz-security-token,", Header(request, "Authorization"));
        Assert.Contains("Credential=ASIA/20250102/us-east-1/rds/aws4_request,", Header(request, "Authorization"));
    }

    private static string? Header(HttpRequestMessage request, string name) =>
        request.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
}
