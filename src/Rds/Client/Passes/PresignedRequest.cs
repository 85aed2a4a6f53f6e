using System.Globalization;

namespace LabRunner.Rds.Passes;

/// <summary>
/// One presigned Describe GET from a pass, taken apart and checked before anything is sent: an absolute http(s) URL to
/// the root path, no user info or fragment, at most <see cref="MaxLength"/> characters, a Describe action LabRunner's
/// checks read, every SigV4 query parameter once, a credential scope for <c>rds</c>, and an expiry of at most 7 days.
/// </summary>
/// <param name="Fields">The action's own fields (every query parameter but the <c>X-Amz-*</c> ones), decoded, in the URL's order.</param>
public sealed record PresignedRequest(string Url, Uri Uri, string Action, IReadOnlyList<KeyValuePair<string, string>> Fields, string Region, DateTimeOffset SignedAt, DateTimeOffset ExpiresAt)
{
    public const int MaxLength = 8 * 1024;

    /// <summary>The actions a pass may hold: the Describe calls LabRunner reads state with.</summary>
    public static readonly IReadOnlySet<string> Actions = new HashSet<string>(StringComparer.Ordinal) { "DescribeDBClusters", "DescribeDBClusterSnapshots", "DescribeDBClusterSnapshotAttributes", "DescribeDBInstances" };

    private static readonly string[] Signing = ["X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-Expires", "X-Amz-SignedHeaders", "X-Amz-Signature"];

    /// <summary>The request <paramref name="url"/> presigns, or why it is none LabRunner replays (<see cref="PassRefusal.Invalid"/>).</summary>
    /// <exception cref="PassRefusedException">Always <see cref="PassRefusal.Invalid"/>, with a message fit for the user (not yet made visible-safe).</exception>
    public static PresignedRequest Parse(string url)
    {
        if (url.Length > MaxLength)
            throw Invalid($"a request of {url.Length} characters, more than the {MaxLength} a presigned Describe needs");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            throw Invalid("a request that is not an http(s) URL");
        if (uri.UserInfo.Length > 0 || uri.Fragment.Length > 0 || uri.AbsolutePath != "/")
            throw Invalid($"a request to {uri.GetLeftPart(UriPartial.Path)} with user info, a fragment or a path (RDS answers at /)");
        var parameters = Query(uri.Query);
        string Single(string name) => parameters.Count(pair => pair.Key == name) == 1
            ? parameters.First(pair => pair.Key == name).Value
            : throw Invalid($"a request with {(parameters.Any(pair => pair.Key == name) ? "more than one" : "no")} {name}");
        var action = Single("Action");
        if (!Actions.Contains(action))
            throw Invalid($"the action '{action}': a pass holds only {string.Join(", ", Actions.Order(StringComparer.Ordinal))}");
        if (Single("Version") != Protocol.RequestForm.ApiVersion)
            throw Invalid($"a request for API version '{Single("Version")}', not {Protocol.RequestForm.ApiVersion}");
        foreach (var name in Signing)
            Single(name);
        if (Single("X-Amz-Algorithm") != "AWS4-HMAC-SHA256" || Single("X-Amz-SignedHeaders") != "host")
            throw Invalid("a request not presigned as AWS4-HMAC-SHA256 over the host header alone");
        var scope = Single("X-Amz-Credential").Split('/');
        if (scope is not [_, _, var region, "rds", "aws4_request"] || !IsRegionName(region))
            throw Invalid("a request whose credential scope is not an RDS region's");
        if (!DateTime.TryParseExact(Single("X-Amz-Date"), "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var signedAt)
            || scope[1] != Single("X-Amz-Date")[..8])
            throw Invalid("a request whose X-Amz-Date is not a date, or not its scope's");
        if (!int.TryParse(Single("X-Amz-Expires"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > QueryPresigner.MaxExpiry.TotalSeconds)
            throw Invalid("a request whose X-Amz-Expires is not a number of seconds up to 7 days");
        var at = new DateTimeOffset(signedAt, TimeSpan.Zero);
        var fields = parameters.Where(pair => !pair.Key.StartsWith("X-Amz-", StringComparison.Ordinal)).ToList();
        return new PresignedRequest(url, uri, action, fields, region, at, at.AddSeconds(seconds));
    }

    /// <summary>Whether this request asks exactly <paramref name="fields"/> (the same fields with the same values, in any order).</summary>
    public bool Asks(IReadOnlyList<KeyValuePair<string, string>> fields) =>
        fields.Count == Fields.Count && Sorted(fields).SequenceEqual(Sorted(Fields));

    private static IEnumerable<KeyValuePair<string, string>> Sorted(IEnumerable<KeyValuePair<string, string>> fields) =>
        fields.OrderBy(pair => pair.Key, StringComparer.Ordinal).ThenBy(pair => pair.Value, StringComparer.Ordinal);

    private static List<KeyValuePair<string, string>> Query(string query)
    {
        var parameters = new List<KeyValuePair<string, string>>();
        foreach (var part in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? part : part[..equals];
            var value = equals < 0 ? "" : part[(equals + 1)..];
            parameters.Add(new(Uri.UnescapeDataString(name), Uri.UnescapeDataString(value)));
        }
        return parameters;
    }

    private static bool IsRegionName(string region) =>
        region.Length is > 0 and <= 32 && region.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    private static PassRefusedException Invalid(string what) => new(PassRefusal.Invalid, $"the pass holds {what}");
}
