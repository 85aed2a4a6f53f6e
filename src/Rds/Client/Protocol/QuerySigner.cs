using System.Globalization;
using System.Text;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;
using Amazon.Util;

namespace LabRunner.Rds.Protocol;

/// <summary>
/// The headers AWS SDKs send to tell calls and their retries apart (<c>amz-sdk-invocation-id</c>, one per call;
/// <c>amz-sdk-request</c>, the attempt). Signed with the rest, they keep two identical calls in one second, or a call and
/// its quick retry, from carrying the same signature, which a server refusing replays would turn away.
/// </summary>
internal readonly record struct SdkInvocation(string Id, int Attempt)
{
    public IReadOnlyList<(string Name, string Value)> Headers => [("amz-sdk-invocation-id", Id), ("amz-sdk-request", $"attempt={Attempt}")];
}

/// <summary>
/// SigV4 for a Query-API POST, as botocore signs it: the headers <c>content-type</c>, <c>host</c>, <c>x-amz-date</c>
/// (and <c>x-amz-security-token</c> with temporary credentials, and any extra headers such as the SDK invocation's)
/// over the SHA-256 of the form body.
/// The keyed hashing is AWSSDK.Core's <see cref="AWS4Signer"/>; this class only lays out the canonical request.
/// </summary>
internal sealed class QuerySigner(string region)
{
    public const string ServiceName = "rds";
    public const string ContentType = "application/x-www-form-urlencoded; charset=utf-8";

    public string Region { get; } = region;

    /// <summary>Adds <c>X-Amz-Date</c>, <c>X-Amz-Security-Token</c> (if any), <paramref name="extraHeaders"/> and <c>Authorization</c> to <paramref name="request"/>.</summary>
    /// <param name="extraHeaders">More headers to send and sign; names in lower case.</param>
    public void Sign(HttpRequestMessage request, byte[] body, ImmutableCredentials credentials, DateTimeOffset now, IReadOnlyList<(string Name, string Value)>? extraHeaders = null)
    {
        var uri = request.RequestUri ?? throw new ArgumentException("The request has no URI.", nameof(request));
        var signedAt = now.UtcDateTime;
        var amzDate = signedAt.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

        var headers = new List<(string Name, string Value)>
        {
            ("content-type", ContentType),
            ("host", uri.Authority),
            ("x-amz-date", amzDate),
        };
        if (credentials.UseToken)
        {
            headers.Add(("x-amz-security-token", credentials.Token));
        }

        headers.AddRange(extraHeaders ?? []);
        headers.Sort((left, right) => string.CompareOrdinal(left.Name, right.Name));
        var signedHeaders = string.Join(';', headers.Select(h => h.Name));
        var canonicalRequest = new StringBuilder(512)
            .Append(request.Method.Method).Append('\n')
            .Append(uri.AbsolutePath).Append('\n')
            .Append('\n'); // no query string: everything travels in the body
        foreach (var (name, value) in headers)
        {
            canonicalRequest.Append(name).Append(':').Append(value.Trim()).Append('\n');
        }

        canonicalRequest.Append('\n')
            .Append(signedHeaders).Append('\n')
            .Append(AWSSDKUtils.ToHex(AWS4Signer.ComputeHash(body), true));

        var result = AWS4Signer.ComputeSignature(
            credentials.AccessKey, credentials.SecretKey, Region, signedAt, ServiceName, signedHeaders, canonicalRequest.ToString());

        foreach (var (name, value) in extraHeaders ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
        if (credentials.UseToken)
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Security-Token", credentials.Token);
        }

        request.Headers.TryAddWithoutValidation("Authorization", result.ForAuthorizationHeader);
    }
}
