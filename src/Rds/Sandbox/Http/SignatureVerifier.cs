using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime.Internal.Auth;
using Amazon.Util;
using LabRunner.Sandbox.Protocol;
using Microsoft.AspNetCore.Http;

namespace LabRunner.Sandbox.Http;

/// <summary>
/// Checks a request's SigV4 <c>Authorization</c> header against known access keys. The canonical request is rebuilt
/// from what arrived; hashing and the signature itself are computed by AWSSDK.Core's <see cref="AWS4Signer"/>.
/// The request time is not compared with the clock: the sandbox's clock may be a test's fake one.
/// </summary>
public sealed class SignatureVerifier(IReadOnlyList<AccessKey> keys)
{
    private const string Algorithm = "AWS4-HMAC-SHA256";
    private readonly Dictionary<string, string> secrets = keys.ToDictionary(key => key.AccessKeyId, key => key.SecretAccessKey, StringComparer.Ordinal);

    public void Verify(HttpRequest request, byte[] body)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.Length == 0)
            throw new RdsFault("MissingAuthenticationToken", "Request is missing Authentication Token", 403);
        var authorization = ParseAuthorization(header);
        var scope = authorization.Credential.Split('/');
        if (scope.Length != 5 || scope[4] != "aws4_request")
            throw new RdsFault("IncompleteSignature", $"Credential '{authorization.Credential}' is not AccessKeyId/date/region/service/aws4_request.");
        if (scope[3] != "rds")
            throw new RdsFault("SignatureDoesNotMatch", $"Credential should be scoped to correct service: 'rds'.", 403);
        if (!secrets.TryGetValue(scope[0], out var secret))
            throw new RdsFault("InvalidClientTokenId", "The security token included in the request is invalid.", 403);
        var amzDate = request.Headers["X-Amz-Date"].ToString();
        if (!DateTime.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var signedAt))
            throw new RdsFault("IncompleteSignature", "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        var canonicalRequest = CanonicalRequest(request, body, authorization.SignedHeaders);
        var expected = AWS4Signer.ComputeSignature(scope[0], secret, scope[2], signedAt, scope[3], authorization.SignedHeaders, canonicalRequest);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected.Signature), Encoding.ASCII.GetBytes(authorization.Signature)))
            throw new RdsFault("SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.", 403);
    }

    private sealed record Authorization(string Credential, string SignedHeaders, string Signature);

    private static Authorization ParseAuthorization(string header)
    {
        if (!header.StartsWith(Algorithm + " ", StringComparison.Ordinal))
            throw new RdsFault("IncompleteSignature", $"Unsupported authorization: only {Algorithm} signatures are accepted.");
        var fields = header[(Algorithm.Length + 1)..]
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(field => field.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
        return fields.TryGetValue("Credential", out var credential)
            && fields.TryGetValue("SignedHeaders", out var signedHeaders)
            && fields.TryGetValue("Signature", out var signature)
            ? new Authorization(credential, signedHeaders, signature)
            : throw new RdsFault("IncompleteSignature", "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature'.");
    }

    private static string CanonicalRequest(HttpRequest request, byte[] body, string signedHeaders)
    {
        var canonical = new StringBuilder();
        canonical.Append(request.Method).Append('\n');
        canonical.Append(request.Path.HasValue ? request.Path.Value : "/").Append('\n');
        canonical.Append(CanonicalQuery(request.Query)).Append('\n');
        foreach (var name in signedHeaders.Split(';'))
        {
            var value = name == "host" ? request.Host.Value : request.Headers[name].ToString();
            canonical.Append(name).Append(':').Append(string.Join(' ', (value ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))).Append('\n');
        }
        canonical.Append('\n').Append(signedHeaders).Append('\n');
        var payloadHash = request.Headers["X-Amz-Content-SHA256"].ToString();
        canonical.Append(payloadHash.Length > 0 ? payloadHash : AWSSDKUtils.ToHex(AWS4Signer.ComputeHash(body), true));
        return canonical.ToString();
    }

    private static string CanonicalQuery(IQueryCollection query) =>
        string.Join('&', query
            .SelectMany(pair => pair.Value.Select(value => (key: AWSSDKUtils.UrlEncode(pair.Key, false), value: AWSSDKUtils.UrlEncode(value ?? "", false))))
            .OrderBy(pair => pair.key, StringComparer.Ordinal)
            .ThenBy(pair => pair.value, StringComparer.Ordinal)
            .Select(pair => $"{pair.key}={pair.value}"));
}
