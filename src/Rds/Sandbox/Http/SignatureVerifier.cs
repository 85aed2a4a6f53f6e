using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime.Internal.Auth;
using Amazon.Util;
using LabRunner.Sandbox.Accounts;
using LabRunner.Sandbox.Protocol;
using Microsoft.AspNetCore.Http;

namespace LabRunner.Sandbox.Http;

/// <summary>How far a request is trusted once its signature has been looked at.</summary>
public enum RequestTrust
{
    /// <summary>Any action: the signature verified, or the sandbox verifies none and the request is not presigned.</summary>
    AnyAction,

    /// <summary>Only actions that read: a well-formed, current presign that no key can verify, because the sandbox has none.</summary>
    ReadOnly,
}

/// <summary>What the signature check decided: how far the request is trusted, and who sent it.</summary>
public sealed record Verification(RequestTrust Trust, Caller Caller);

/// <summary>
/// Checks SigV4 as AWS does. The canonical request is rebuilt from what arrived, over the SHA-256 of the body actually
/// received (a client's <c>X-Amz-Content-SHA256</c> never stands in for it); the signature itself is computed by
/// AWSSDK.Core's <see cref="AWS4Signer"/>. The request time must be within 15 minutes of the sandbox's clock (a presign:
/// not yet expired), the credential scope must name this sandbox's region, <c>rds</c> and <c>aws4_request</c> on the
/// request's date, and an identical header-signed request is accepted once. A presigned URL stays usable until it
/// expires, as in AWS.
/// <para>
/// Whatever the keys, only a POST may carry an action without a presign. With no keys (the default sandbox) any POST,
/// signed or not, is accepted, and a presign must still be well-formed, current and scoped to this sandbox; with nothing
/// to check its signature against, it may only read.
/// </para>
/// </summary>
public sealed class SignatureVerifier(Keyring keys, string region, TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    private const string Service = "rds";
    private const string Terminator = "aws4_request";
    private const string AmzDateFormat = "yyyyMMdd'T'HHmmss'Z'";

    private readonly ReplayCache replays = new(50_000);

    public bool VerifiesSignatures => keys.VerifiesSignatures;

    /// <exception cref="RdsFault">The request is refused, with AWS's code and message.</exception>
    public Verification Verify(HttpRequest request, byte[] body)
    {
        var signed = SignedRequest.From(request);
        if (!HttpMethods.IsPost(request.Method) && signed is not { IsPresigned: true })
            throw new RdsFault("MissingAuthenticationToken", $"A {request.Method} request must be SigV4 presigned (X-Amz-Algorithm, X-Amz-Credential, X-Amz-Date, X-Amz-Expires, X-Amz-SignedHeaders and X-Amz-Signature in its query string); send the action as a form-encoded POST instead.", 403);
        if (signed is null)
            return VerifiesSignatures
                ? throw new RdsFault("MissingAuthenticationToken", "Request is missing Authentication Token: this sandbox accepts only SigV4-signed requests.", 403)
                : new Verification(RequestTrust.AnyAction, Caller.Local);
        if (!signed.IsPresigned && !VerifiesSignatures)
            return new Verification(RequestTrust.AnyAction, Caller.Local);
        var now = time.GetUtcNow();
        CheckTime(signed, now);
        CheckSignedHeaders(signed);
        var accessKeyId = CheckScope(signed);
        if (!VerifiesSignatures)
            return IsHex64(signed.Signature) ? new Verification(RequestTrust.ReadOnly, Caller.Local) : throw SignatureMismatch();
        var caller = CheckSignature(request, body, signed, accessKeyId);
        if (!signed.IsPresigned && !replays.TryAdmit(signed.Signature, new DateTimeOffset(signed.SignedAt, TimeSpan.Zero) + Window, now))
            throw new RdsFault("AccessDenied", $"This signed request was already received: an identical signed request is accepted once (signed at {signed.AmzDate}). Sign it again to repeat it.", 403);
        return new Verification(RequestTrust.AnyAction, caller);
    }

    /// <returns>Who signs with the key.</returns>
    private Caller CheckSignature(HttpRequest request, byte[] body, SignedRequest signed, string accessKeyId)
    {
        var (secret, caller) = keys.Find(accessKeyId) ?? throw new RdsFault("InvalidClientTokenId", "The security token included in the request is invalid.", 403);
        var expected = AWS4Signer.ComputeSignature(accessKeyId, secret, region, signed.SignedAt, Service, signed.SignedHeadersText, CanonicalRequest(request, body, signed));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected.Signature), Encoding.ASCII.GetBytes(signed.Signature)))
            throw SignatureMismatch();
        return caller;
    }

    /// <summary>AWS's wording, e.g. "Signature expired: 20240101T000000Z is now earlier than 20240101T001000Z (20240101T002500Z - 15 min.)".</summary>
    private static void CheckTime(SignedRequest signed, DateTimeOffset now)
    {
        var signedAt = new DateTimeOffset(signed.SignedAt, TimeSpan.Zero);
        if (signedAt > now + Window)
            throw new RdsFault("SignatureDoesNotMatch", $"Signature not yet current: {signed.AmzDate} is still later than {AmzDate(now + Window)} ({AmzDate(now)} + 15 min.)", 403);
        if (signed.Expires is { } expires)
        {
            if (now > signedAt + expires)
                throw new RdsFault("AccessDenied", $"Request has expired: it was presigned at {signed.AmzDate} for {expires.TotalSeconds:0} seconds, and it is now {AmzDate(now)}.", 403);
        }
        else if (signedAt < now - Window)
        {
            throw new RdsFault("SignatureDoesNotMatch", $"Signature expired: {signed.AmzDate} is now earlier than {AmzDate(now - Window)} ({AmzDate(now)} - 15 min.)", 403);
        }
    }

    private static void CheckSignedHeaders(SignedRequest signed)
    {
        if (!signed.SignedHeaders.Contains("host"))
            throw new RdsFault("SignatureDoesNotMatch", "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.", 403);
        if (!signed.IsPresigned && !signed.SignedHeaders.Contains("x-amz-date"))
            throw new RdsFault("SignatureDoesNotMatch", "'X-Amz-Date' must be a 'SignedHeader' in the AWS Authorization.", 403);
    }

    /// <returns>The access key id.</returns>
    private string CheckScope(SignedRequest signed)
    {
        var scope = signed.Credential.Split('/');
        if (scope.Length != 5)
            throw new RdsFault("IncompleteSignature", $"Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '{signed.Credential}'");
        var problems = new List<string>();
        if (scope[2] != region)
            problems.Add($"Credential should be scoped to a valid region, not '{scope[2]}' (this sandbox serves {region}).");
        if (scope[3] != Service)
            problems.Add($"Credential should be scoped to correct service: '{Service}'.");
        if (scope[4] != Terminator)
            problems.Add($"Credential should be scoped with a valid terminator: '{Terminator}', not '{scope[4]}'.");
        if (scope[1] != signed.AmzDate[..8])
            problems.Add($"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '{scope[1]}' != '{signed.AmzDate[..8]}', from '{signed.AmzDate}'.");
        return problems.Count == 0 ? scope[0] : throw new RdsFault("SignatureDoesNotMatch", string.Join(' ', problems), 403);
    }

    private static RdsFault SignatureMismatch() =>
        new("SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.", 403);

    private static bool IsHex64(string signature) => signature.Length == 64 && signature.All(char.IsAsciiHexDigitLower);

    private static string AmzDate(DateTimeOffset instant) => instant.UtcDateTime.ToString(AmzDateFormat, CultureInfo.InvariantCulture);

    private static string CanonicalRequest(HttpRequest request, byte[] body, SignedRequest signed)
    {
        var canonical = new StringBuilder();
        canonical.Append(request.Method).Append('\n');
        canonical.Append(request.Path.HasValue ? request.Path.Value : "/").Append('\n');
        canonical.Append(CanonicalQuery(request.Query)).Append('\n');
        foreach (var name in signed.SignedHeaders)
        {
            var value = name == "host" ? request.Host.Value : request.Headers[name].ToString();
            canonical.Append(name).Append(':').Append(string.Join(' ', (value ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))).Append('\n');
        }
        canonical.Append('\n').Append(signed.SignedHeadersText).Append('\n');
        canonical.Append(AWSSDKUtils.ToHex(AWS4Signer.ComputeHash(body), true));
        return canonical.ToString();
    }

    /// <summary>Every query parameter but the signature itself, RFC 3986-encoded and sorted.</summary>
    private static string CanonicalQuery(IQueryCollection query) =>
        string.Join('&', query
            .Where(pair => pair.Key != "X-Amz-Signature")
            .SelectMany(pair => pair.Value.Select(value => (key: AWSSDKUtils.UrlEncode(pair.Key, false), value: AWSSDKUtils.UrlEncode(value ?? "", false))))
            .OrderBy(pair => pair.key, StringComparer.Ordinal)
            .ThenBy(pair => pair.value, StringComparer.Ordinal)
            .Select(pair => $"{pair.key}={pair.value}"));
}
