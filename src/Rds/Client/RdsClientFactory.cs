using LabRunner.Rds.Targeting;

namespace LabRunner.Rds;

public static class RdsClientFactory
{
    /// <summary>
    /// Resolves region, endpoint and credentials (see <see cref="RdsClientOptions"/>) and builds a client.
    /// Throws <see cref="RdsException"/> of kind <see cref="RdsErrorKind.Configuration"/> or <see cref="RdsErrorKind.Credentials"/>
    /// with a message fit for the user when something is missing.
    /// </summary>
    public static async Task<RdsQueryClient> CreateAsync(RdsClientOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var profiles = new ProfileLookup(options.Profile);
        var (region, regionSource) = RegionResolver.Resolve(options.Region, profiles);
        var (endpoint, endpointSource) = EndpointResolver.Resolve(options.Endpoint, region, profiles);
        var (credentials, credentialSource) = await CredentialsResolver.ResolveAsync(options.Credentials, profiles, region, cancellationToken).ConfigureAwait(false);

        var target = new RdsTargetInfo(endpoint, endpointSource, region, regionSource, profiles.ConsultedName, credentialSource.Description, credentialSource.Remedy);
        return new RdsQueryClient(target, credentials, options);
    }
}
