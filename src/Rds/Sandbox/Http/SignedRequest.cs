using System.Globalization;
using LabRunner.Sandbox.Protocol;
using Microsoft.AspNetCore.Http;

namespace LabRunner.Sandbox.Http;

/// <summary>
/// The SigV4 fields of a request, as sent: in an <c>Authorization</c> header with <c>X-Amz-Date</c> (header-signed),
/// or as <c>X-Amz-*</c> query parameters (presigned, with <see cref="Expires"/>). Missing or malformed fields are
/// refused here with AWS's codes, before anything is checked against a key or the clock.
/// </summary>
internal sealed record SignedRequest(string Credential, string AmzDate, DateTime SignedAt, IReadOnlyList<string> SignedHeaders, string SignedHeadersText, string Signature, TimeSpan? Expires)
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>AWS's longest presign: 7 days.</summary>
    public const int MaxExpiresSeconds = 604800;

    private static readonly string[] PresignParameters = ["X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-Expires", "X-Amz-SignedHeaders", "X-Amz-Signature"];

    public bool IsPresigned => Expires is not null;

    /// <summary>The signature fields of <paramref name="request"/>, or null when it carries none.</summary>
    public static SignedRequest? From(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        var presigned = request.Query.ContainsKey("X-Amz-Algorithm") || request.Query.ContainsKey("X-Amz-Signature");
        if (header.Length > 0 && presigned)
            throw new RdsFault("IncompleteSignature", "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.");
        if (presigned)
            return FromQuery(request.Query);
        return header.Length > 0 ? FromHeader(header, request.Headers["X-Amz-Date"].ToString()) : null;
    }

    private static SignedRequest FromHeader(string header, string amzDate)
    {
        if (!header.StartsWith(Algorithm + " ", StringComparison.Ordinal))
            throw new RdsFault("IncompleteSignature", $"Unsupported authorization: only {Algorithm} signatures are accepted.");
        var fields = header[(Algorithm.Length + 1)..]
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(field => field.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .GroupBy(pair => pair[0], StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.First()[1], StringComparer.Ordinal);
        if (!fields.TryGetValue("Credential", out var credential) || !fields.TryGetValue("SignedHeaders", out var signedHeaders) || !fields.TryGetValue("Signature", out var signature))
            throw new RdsFault("IncompleteSignature", "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature'.");
        if (amzDate.Length == 0)
            throw new RdsFault("IncompleteSignature", "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        return new SignedRequest(credential, amzDate, ParseDate(amzDate), signedHeaders.Split(';'), signedHeaders, signature, null);
    }

    private static SignedRequest FromQuery(IQueryCollection query)
    {
        var missing = PresignParameters.Where(name => query[name].ToString().Length == 0).ToList();
        if (missing.Count > 0)
            throw new RdsFault("IncompleteSignature", string.Concat(missing.Select(name => $"AWS query-string parameters must include '{name}'. ")) + "Re-examine the query-string parameters.");
        var algorithm = query["X-Amz-Algorithm"].ToString();
        if (algorithm != Algorithm)
            throw new RdsFault("IncompleteSignature", $"Unsupported AWS 'algorithm': '{algorithm}' (only {Algorithm} for now).");
        var amzDate = query["X-Amz-Date"].ToString();
        var signedHeaders = query["X-Amz-SignedHeaders"].ToString();
        return new SignedRequest(query["X-Amz-Credential"].ToString(), amzDate, ParseDate(amzDate), signedHeaders.Split(';'), signedHeaders,
            query["X-Amz-Signature"].ToString(), TimeSpan.FromSeconds(ParseExpires(query["X-Amz-Expires"].ToString())));
    }

    private static DateTime ParseDate(string amzDate) =>
        DateTime.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var signedAt)
            ? signedAt
            : throw new RdsFault("IncompleteSignature", $"Date must be in ISO-8601 'basic format'. Got '{amzDate}'. See http://en.wikipedia.org/wiki/ISO_8601");

    private static int ParseExpires(string text)
    {
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds))
            throw new RdsFault("AuthorizationQueryParametersError", $"X-Amz-Expires should be a number, not '{text}'.");
        if (seconds < 0)
            throw new RdsFault("AuthorizationQueryParametersError", "X-Amz-Expires must be non-negative");
        return seconds <= MaxExpiresSeconds
            ? seconds
            : throw new RdsFault("AuthorizationQueryParametersError", $"X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be less than {MaxExpiresSeconds} seconds");
    }
}
