using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace LabRunner.TestSupport.Http;

/// <summary>
/// A local stand-in for the places AWS hands out temporary credentials over HTTP: a container credentials endpoint
/// (<c>AWS_CONTAINER_CREDENTIALS_FULL_URI</c>, as ECS and AWS CloudShell set it, with its authorization token) and
/// EC2 instance metadata with IMDSv2 sessions (<c>AWS_EC2_METADATA_SERVICE_ENDPOINT</c>). It answers only a caller
/// that presents the token, as the real ones do.
/// </summary>
public sealed class CredentialsEndpoint : IAsyncDisposable
{
    public const string ContainerPath = "/v2/credentials/labrunner";
    public const string AuthorizationToken = "labrunner-container-token";
    public const string RoleName = "labrunner-instance-role";
    private const string MetadataToken = "labrunner-imds-session";

    private readonly ScriptedHttpServer server;

    private CredentialsEndpoint(ScriptedHttpServer server, string accessKey, string secretKey, string sessionToken)
    {
        this.server = server;
        AccessKey = accessKey;
        SecretKey = secretKey;
        SessionToken = sessionToken;
    }

    public string AccessKey { get; }
    public string SecretKey { get; }
    public string SessionToken { get; }

    /// <summary>What <c>AWS_CONTAINER_CREDENTIALS_FULL_URI</c> holds.</summary>
    public Uri ContainerUri => new(server.Endpoint, ContainerPath.TrimStart('/'));

    /// <summary>What <c>AWS_EC2_METADATA_SERVICE_ENDPOINT</c> holds: scheme and authority only, as AWSSDK.Core appends <c>/latest/…</c>.</summary>
    public string MetadataEndpoint => server.Endpoint.GetLeftPart(UriPartial.Authority);

    public IReadOnlyList<RecordedRequest> Requests => server.Requests;

    /// <param name="expiresIn">How long the credentials it hands out stay valid.</param>
    public static async Task<CredentialsEndpoint> StartAsync(string accessKey, string secretKey, TimeSpan expiresIn)
    {
        var sessionToken = $"session-token-for-{accessKey}";
        var document = new JsonObject
        {
            ["Code"] = "Success",
            ["Type"] = "AWS-HMAC",
            ["LastUpdated"] = Iso(DateTimeOffset.UtcNow),
            ["AccessKeyId"] = accessKey,
            ["SecretAccessKey"] = secretKey,
            ["Token"] = sessionToken,
            ["Expiration"] = Iso(DateTimeOffset.UtcNow + expiresIn),
        }.ToJsonString();
        var server = await ScriptedHttpServer.StartAsync((context, request) => Answer(context, request, document));
        return new CredentialsEndpoint(server, accessKey, secretKey, sessionToken);
    }

    private static Task Answer(HttpContext context, RecordedRequest request, string credentials)
    {
        var metadataSession = request.Header("X-aws-ec2-metadata-token") == MetadataToken;
        return (request.Method, request.Path) switch
        {
            ("GET", ContainerPath) when request.Header("Authorization") == AuthorizationToken => Text(context, 200, credentials),
            ("PUT", "/latest/api/token") when request.Header("X-aws-ec2-metadata-token-ttl-seconds") is not null => Text(context, 200, MetadataToken),
            ("GET", "/latest/meta-data/iam/security-credentials" or "/latest/meta-data/iam/security-credentials/") when metadataSession => Text(context, 200, RoleName),
            ("GET", "/latest/meta-data/iam/security-credentials/" + RoleName) when metadataSession => Text(context, 200, credentials),
            ("GET", _) when request.Path.StartsWith("/latest/", StringComparison.Ordinal) && !metadataSession => Text(context, 401, ""),
            _ => Text(context, 404, ""),
        };
    }

    private static Task Text(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsync(body);
    }

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public ValueTask DisposeAsync() => server.DisposeAsync();
}
