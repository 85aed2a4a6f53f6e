using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace LabRunner.Rds.Targeting;

/// <summary>
/// Finds credentials through AWSSDK.Core only: fixed ones from the options, else the explicitly named profile,
/// else <see cref="DefaultAWSCredentialsIdentityResolver"/> (environment keys, web identity, <c>AWS_PROFILE</c>/default profile, container, instance metadata).
/// </summary>
internal static class CredentialsResolver
{
    public static async Task<(AWSCredentials Credentials, string Source)> ResolveAsync(
        AWSCredentials? fixedCredentials, ProfileLookup profiles, CancellationToken cancellationToken)
    {
        if (fixedCredentials is not null)
        {
            return (fixedCredentials, "explicit");
        }

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
    private static string Describe(AWSCredentials credentials, string profileName) => credentials switch
    {
        EnvironmentVariablesAWSCredentials => "environment variables",
        AssumeRoleWithWebIdentityCredentials => "web identity token (AWS_WEB_IDENTITY_TOKEN_FILE)",
        GenericContainerCredentials => "container credentials endpoint",
        SSOAWSCredentials => $"profile '{profileName}' (SSO)",
        AssumeRoleAWSCredentials => $"profile '{profileName}' (assume role)",
        ProcessAWSCredentials => $"profile '{profileName}' (credential_process)",
        LoginAWSCredentials => $"profile '{profileName}' (aws login)",
        BasicAWSCredentials or SessionAWSCredentials or FederatedAWSCredentials => $"profile '{profileName}'",
        _ => "EC2 instance metadata",
    };
}
