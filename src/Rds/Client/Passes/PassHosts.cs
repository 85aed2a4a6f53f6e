namespace LabRunner.Rds.Passes;

/// <summary>
/// Where a pass's requests may go: RDS's own regional endpoint for the region each request is signed for (https), or
/// the one endpoint the instructor names (a class sandbox, a stand-in). Nothing else is ever contacted.
/// </summary>
public sealed record PassHosts(Uri? Endpoint)
{
    /// <summary>Where requests for <paramref name="region"/> go: the named endpoint, else RDS's there.</summary>
    public Uri EndpointFor(string region) => Endpoint ?? Targeting.EndpointResolver.RegionalEndpoint(region);

    /// <summary>Why <paramref name="request"/> may not be sent, or null when it may.</summary>
    public string? Refusal(PresignedRequest request)
    {
        if (Endpoint is { } endpoint)
            return request.Uri.Scheme == endpoint.Scheme && request.Uri.Authority.Equals(endpoint.Authority, StringComparison.OrdinalIgnoreCase)
                ? null
                : $"the pass's requests go to {request.Uri.GetLeftPart(UriPartial.Authority)}, not to {endpoint.GetLeftPart(UriPartial.Authority)} (--endpoint)";
        var regional = Targeting.EndpointResolver.RegionalEndpoint(request.Region);
        return request.Uri.Scheme == Uri.UriSchemeHttps && request.Uri.Authority.Equals(regional.Authority, StringComparison.OrdinalIgnoreCase)
            ? null
            : $"the pass's requests go to {request.Uri.GetLeftPart(UriPartial.Authority)}, not to RDS in {request.Region} ({regional.GetLeftPart(UriPartial.Authority)}); name another endpoint with --endpoint";
    }
}
