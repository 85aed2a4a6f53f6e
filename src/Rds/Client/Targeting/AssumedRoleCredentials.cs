using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.SharedInterfaces;

namespace LabRunner.Rds.Targeting;

/// <summary>
/// An assume-role profile's credentials, refreshed by AWSSDK.SecurityToken's own AssumeRole with the source
/// credentials. AWSSDK.Core's <see cref="AssumeRoleAWSCredentials"/> would build that STS client by reflection, and
/// its runtime-dependency hook is not told the source credentials, so only the client is made here; the profile's
/// role, session name, external id, MFA and duration are the SDK's, read from the credentials it resolved.
/// </summary>
internal sealed class AssumedRoleCredentials : RefreshingAWSCredentials
{
    private readonly AssumeRoleAWSCredentials profile;
    private readonly AWSCredentials source;
    private readonly RegionEndpoint region;

    private AssumedRoleCredentials(AssumeRoleAWSCredentials profile, RegionEndpoint region)
    {
        this.profile = profile;
        this.region = region;
        source = ForNativeUse(profile.SourceCredentials, region);
        PreemptExpiryTime = profile.PreemptExpiryTime;
    }

    public string RoleArn => profile.RoleArn;

    /// <summary>The credentials as given, with every assume-role link (a chain of source profiles included) made AOT-safe.</summary>
    /// <param name="region">Where STS is called, as the AWS CLI does: the region LabRunner works in.</param>
    public static AWSCredentials ForNativeUse(AWSCredentials credentials, RegionEndpoint region) =>
        credentials is AssumeRoleAWSCredentials assumeRole ? new AssumedRoleCredentials(assumeRole, region) : credentials;

    protected override CredentialsRefreshState GenerateNewCredentials() =>
        GenerateNewCredentialsAsync().GetAwaiter().GetResult();

    protected override async Task<CredentialsRefreshState> GenerateNewCredentialsAsync()
    {
        using var sts = AwsRuntimeDependencies.NewStsClient(region, source);
        var credentials = await ((ICoreAmazonSTS)sts)
            .CredentialsFromAssumeRoleAuthenticationAsync(profile.RoleArn, profile.RoleSessionName, profile.Options)
            .ConfigureAwait(false);
        return new CredentialsRefreshState(credentials, credentials.Expiration);
    }
}
