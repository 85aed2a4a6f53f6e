using System.Globalization;
using System.Text;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;
using Amazon.Util;
using LabRunner.Rds.Protocol;

namespace LabRunner.Rds.Passes;

/// <summary>
/// A Query-API call as a SigV4 presigned GET, laid out byte for byte as botocore's
/// <c>generate_presigned_url(..., HttpMethod='GET')</c> lays it out: the action's fields in the form's order, then
/// <c>X-Amz-Algorithm</c>, <c>X-Amz-Credential</c>, <c>X-Amz-Date</c>, <c>X-Amz-Expires</c>, <c>X-Amz-SignedHeaders</c>
/// (<c>host</c> alone), <c>X-Amz-Security-Token</c> with temporary credentials, and the signature last, all
/// RFC 3986-encoded. The signature covers every other query parameter (the token included) and the SHA-256 of the empty
/// body. The keyed hashing is AWSSDK.Core's <see cref="AWS4Signer"/>; this class only lays out the canonical request.
/// </summary>
internal sealed class QueryPresigner(Uri endpoint, string region, ImmutableCredentials credentials, DateTimeOffset signedAt, TimeSpan expiresIn)
{
    /// <summary>AWS's longest presign: 7 days.</summary>
    public static readonly TimeSpan MaxExpiry = TimeSpan.FromSeconds(604800);

    private static readonly string EmptyBodyHash = AWSSDKUtils.ToHex(AWS4Signer.ComputeHash([]), true);

    /// <summary>The presigned URL, as text: a <see cref="Uri"/> would re-escape parts of its query.</summary>
    public string Presign(RequestForm form)
    {
        var at = signedAt.UtcDateTime;
        var amzDate = at.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var scope = $"{at:yyyyMMdd}/{region}/{QuerySigner.ServiceName}/aws4_request";
        var parameters = new List<KeyValuePair<string, string>>(form.Fields)
        {
            new("X-Amz-Algorithm", "AWS4-HMAC-SHA256"),
            new("X-Amz-Credential", $"{credentials.AccessKey}/{scope}"),
            new("X-Amz-Date", amzDate),
            new("X-Amz-Expires", ((long)expiresIn.TotalSeconds).ToString(CultureInfo.InvariantCulture)),
            new("X-Amz-SignedHeaders", "host"),
        };
        if (credentials.UseToken)
            parameters.Add(new("X-Amz-Security-Token", credentials.Token));

        var encoded = parameters.Select(pair => (Name: Encode(pair.Key), Value: Encode(pair.Value))).ToList();
        var canonicalQuery = string.Join('&', encoded
            .OrderBy(pair => pair.Name, StringComparer.Ordinal)
            .ThenBy(pair => pair.Value, StringComparer.Ordinal)
            .Select(pair => $"{pair.Name}={pair.Value}"));
        var canonicalRequest = new StringBuilder(1024)
            .Append("GET\n")
            .Append(endpoint.AbsolutePath).Append('\n')
            .Append(canonicalQuery).Append('\n')
            .Append("host:").Append(endpoint.Authority).Append("\n\n")
            .Append("host\n")
            .Append(EmptyBodyHash)
            .ToString();
        var signature = AWS4Signer.ComputeSignature(credentials.AccessKey, credentials.SecretKey, region, at, QuerySigner.ServiceName, "host", canonicalRequest).Signature;

        var query = string.Join('&', encoded.Select(pair => $"{pair.Name}={pair.Value}").Append($"X-Amz-Signature={signature}"));
        return $"{endpoint.GetLeftPart(UriPartial.Path)}?{query}";
    }

    private static string Encode(string text) => AWSSDKUtils.UrlEncode(text, false);
}
