using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace LabRunner.Rds.Targeting;

/// <summary>
/// Finds credentials through AWSSDK.Core only: fixed ones from the options, else the explicitly named profile,
/// else <see cref="DefaultAWSCredentialsIdentityResolver"/> (environment keys, web identity, <c>AWS_PROFILE</c>/default profile, container, instance metadata).
/// </summary>
internal static class CredentialsResolver
{
    /// <param name="region">The region LabRunner works in; assume-role profiles call STS there.</param>
    public static async Task<(AWSCredentials Credentials, CredentialSource Source)> ResolveAsync(
        AWSCredentials? fixedCredentials, ProfileLookup profiles, string region, CancellationToken cancellationToken)
    {
        if (fixedCredentials is not null)
        {
            return (fixedCredentials, new CredentialSource("explicit", null));
        }

        AwsRuntimeDependencies.EnsureRegistered();
        var (credentials, source) = await FindAsync(profiles, cancellationToken).ConfigureAwait(false);
        return (AssumedRoleCredentials.ForNativeUse(credentials, RegionEndpoint.GetBySystemName(region)), source);
    }

    private static async Task<(AWSCredentials Credentials, CredentialSource Source)> FindAsync(ProfileLookup profiles, CancellationToken cancellationToken)
    {
        if (profiles.IsExplicit)
        {
            _ = profiles.Profile; // throws a clear error when the profile does not exist
            if (profiles.Store.TryGetAWSCredentials(profiles.Name, out var fromProfile))
            {
                return (fromProfile, Describe(fromProfile, profiles.Name));
            }

            throw new RdsException(
                RdsErrorKind.Credentials,
                "NoCredentials",
                $"AWS profile '{profiles.Name}' holds no usable credentials (keys, role, SSO or credential_process).");
        }

        if (profiles.Name != ProfileLookup.DefaultName)
        {
            _ = profiles.Profile; // AWS_PROFILE names a profile: it must exist, as the AWS CLI insists
        }

        using var chain = new DefaultAWSCredentialsIdentityResolver();
        try
        {
            var credentials = await chain.ResolveIdentityAsync(null, cancellationToken).ConfigureAwait(false);
            return (credentials, Describe(credentials, profiles.Name));
        }
        catch (AmazonClientException e)
        {
            throw new RdsException(
                RdsErrorKind.Credentials,
                "NoCredentials",
                "No AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, run 'aws configure' (or 'aws sso login'), or pass --profile.",
                innerException: e);
        }
    }

    // The chain's last link (instance metadata) is an internal type in AWSSDK.Core, hence the catch-all.
    private static CredentialSource Describe(AWSCredentials credentials, string profileName) => credentials switch
    {
        EnvironmentVariablesAWSCredentials => new("environment variables", "set fresh AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN, or unset them and run 'aws configure'"),
        AssumeRoleWithWebIdentityCredentials => new("web identity token (AWS_WEB_IDENTITY_TOKEN_FILE)", "check that AWS_WEB_IDENTITY_TOKEN_FILE holds a current token and AWS_ROLE_ARN names a role it may assume"),
        GenericContainerCredentials => new("container credentials endpoint (AWS_CONTAINER_CREDENTIALS_FULL_URI)", "check AWS_CONTAINER_CREDENTIALS_FULL_URI and AWS_CONTAINER_AUTHORIZATION_TOKEN; in AWS CloudShell, restart the shell"),
        SSOAWSCredentials => new($"profile '{profileName}' (SSO)", $"run 'aws sso login --profile {profileName}'"),
        AssumeRoleAWSCredentials => new($"profile '{profileName}' (assume role)", $"check role_arn and source_profile of profile '{profileName}', and run 'aws configure' for the source profile's keys"),
        ProcessAWSCredentials => new($"profile '{profileName}' (credential_process)", $"check the credential_process of profile '{profileName}'"),
        LoginAWSCredentials => new($"profile '{profileName}' (aws login)", $"run 'aws login --profile {profileName}'"),
        BasicAWSCredentials or SessionAWSCredentials or FederatedAWSCredentials => new($"profile '{profileName}'", $"run 'aws configure --profile {profileName}'"),
        _ => new("EC2 instance metadata", "check the IAM role attached to this instance, or run 'aws configure'"),
    };
}

/// <summary>Where credentials came from, and what the learner can run when they fail there.</summary>
internal sealed record CredentialSource(string Description, string? Remedy);
