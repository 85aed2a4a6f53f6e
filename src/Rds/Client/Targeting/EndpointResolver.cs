using Amazon;

namespace LabRunner.Rds.Targeting;

/// <summary>
/// Endpoint as the AWS SDKs choose it: explicit, else <c>AWS_ENDPOINT_URL_RDS</c>, else <c>AWS_ENDPOINT_URL</c>,
/// else the profile's <c>endpoint_url</c>, else <c>https://rds.REGION.DNS-SUFFIX</c>.
/// <c>AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true</c> skips the environment and the profile.
/// </summary>
internal static class EndpointResolver
{
    public const string Regional = "regional";

    public static Uri RegionalEndpoint(string region) => new($"https://rds.{region}.{RegionEndpoint.GetBySystemName(region).PartitionDnsSuffix}/");

    public static (Uri Endpoint, string Source) Resolve(Uri? explicitEndpoint, string region, ProfileLookup profiles)
    {
        if (explicitEndpoint is not null)
        {
            return (Validated(explicitEndpoint.OriginalString, "explicit"), "explicit");
        }

        if (!IgnoreConfiguredEndpoints())
        {
            foreach (var variable in (string[])["AWS_ENDPOINT_URL_RDS", "AWS_ENDPOINT_URL"])
            {
                var value = Environment.GetEnvironmentVariable(variable);
                if (!string.IsNullOrWhiteSpace(value))
                {
                    return (Validated(value.Trim(), variable), variable);
                }
            }

            var fromProfile = profiles.Profile?.EndpointUrl;
            if (!string.IsNullOrWhiteSpace(fromProfile))
            {
                var source = $"profile '{profiles.Name}'";
                return (Validated(fromProfile.Trim(), source), source);
            }
        }

        return (RegionalEndpoint(region), Regional);
    }

    private static bool IgnoreConfiguredEndpoints() =>
        string.Equals(Environment.GetEnvironmentVariable("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"), "true", StringComparison.OrdinalIgnoreCase);

    private static Uri Validated(string text, string source)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && string.IsNullOrEmpty(uri.Query)
            && string.IsNullOrEmpty(uri.Fragment))
        {
            return uri;
        }

        throw new RdsException(
            RdsErrorKind.Configuration,
            "InvalidEndpoint",
            $"Endpoint '{text}' (from {source}) is not an http:// or https:// URL such as http://127.0.0.1:4566.");
    }
}
