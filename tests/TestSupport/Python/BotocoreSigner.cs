using System.Globalization;

namespace LabRunner.TestSupport.Python;

/// <summary>A Query-API POST for botocore to sign as it was at <paramref name="At"/>; <paramref name="Unsigned"/> names headers left out of SignedHeaders.</summary>
public sealed record PostToSign(string Body, DateTimeOffset At, string Region = AwsCli.Region, string AccessKeyId = AwsCli.AccessKeyId, string SecretAccessKey = AwsCli.SecretAccessKey, string[]? Unsigned = null);

/// <summary>
/// Signatures made by botocore's own SigV4 code (not LabRunner's), at a chosen time: botocore's clock is replaced for
/// the signing, so a sandbox on a fake clock can be signed for, and old or future requests made on purpose.
/// </summary>
public static class BotocoreSigner
{
    private const string Script = """
        import datetime, json, sys
        import boto3
        import botocore.auth as auth
        from botocore.awsrequest import AWSRequest
        from botocore.credentials import Credentials

        results = []
        for job in json.load(sys.stdin):
            at = datetime.datetime.strptime(job['at'], '%Y%m%dT%H%M%SZ')
            auth.get_current_datetime = lambda remove_tzinfo=True, at=at: at
            if job['kind'] == 'presign':
                client = boto3.client('rds', region_name=job['region'], endpoint_url=job['endpoint'],
                                      aws_access_key_id=job['key'], aws_secret_access_key=job['secret'])
                results.append({'url': client.generate_presigned_url(job['operation'], Params=job['params'], ExpiresIn=job['expires'], HttpMethod='GET')})
                continue
            unsigned = set(job['unsigned'])
            class Signer(auth.SigV4Auth):
                def headers_to_sign(self, request):
                    headers = super().headers_to_sign(request)
                    for name in unsigned:
                        del headers[name]
                    return headers
            request = AWSRequest(method='POST', url=job['endpoint'], data=job['body'].encode(),
                                 headers={'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8'})
            Signer(Credentials(job['key'], job['secret']), 'rds', job['region']).add_auth(request)
            results.append({'headers': {name: request.headers[name] for name in request.headers.keys()}})
        print(json.dumps(results))
        """;

    /// <summary>The headers botocore sends with each POST (Content-Type, X-Amz-Date, Authorization).</summary>
    public static async Task<IReadOnlyList<IReadOnlyDictionary<string, string>>> SignAsync(Uri endpoint, params PostToSign[] posts)
    {
        var jobs = posts.Select(post => new Dictionary<string, object>
        {
            ["kind"] = "post",
            ["endpoint"] = Endpoint(endpoint),
            ["body"] = post.Body,
            ["at"] = AmzDate(post.At),
            ["region"] = post.Region,
            ["key"] = post.AccessKeyId,
            ["secret"] = post.SecretAccessKey,
            ["unsigned"] = post.Unsigned ?? [],
        }).ToList();
        var results = (await PythonRunner.RunJsonAsync(Script, jobs)).AsArray();
        return results.Select(result => (IReadOnlyDictionary<string, string>)result!["headers"]!.AsObject()
            .ToDictionary(pair => pair.Key, pair => pair.Value!.GetValue<string>(), StringComparer.OrdinalIgnoreCase)).ToList();
    }

    /// <summary>
    /// botocore's <c>generate_presigned_url</c>, e.g. for <c>describe_db_clusters</c>, with <c>HttpMethod='GET'</c>:
    /// without it botocore signs the Query API's POST, and the URL would not verify as the GET it is sent as.
    /// </summary>
    public static async Task<Uri> PresignAsync(Uri endpoint, string operation, IReadOnlyDictionary<string, string> parameters, DateTimeOffset at, int expiresInSeconds,
        string region = AwsCli.Region, string accessKeyId = AwsCli.AccessKeyId, string secretAccessKey = AwsCli.SecretAccessKey)
    {
        var job = new Dictionary<string, object>
        {
            ["kind"] = "presign",
            ["endpoint"] = Endpoint(endpoint),
            ["operation"] = operation,
            ["params"] = parameters,
            ["expires"] = expiresInSeconds,
            ["at"] = AmzDate(at),
            ["region"] = region,
            ["key"] = accessKeyId,
            ["secret"] = secretAccessKey,
        };
        var results = (await PythonRunner.RunJsonAsync(Script, new[] { job })).AsArray();
        return new Uri(results[0]!["url"]!.GetValue<string>());
    }

    public static string AmzDate(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Endpoint(Uri endpoint) => endpoint.ToString().TrimEnd('/');
}
