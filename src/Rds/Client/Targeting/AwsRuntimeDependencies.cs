using Amazon;
using Amazon.Runtime;
using Amazon.RuntimeDependencies;
using Amazon.SecurityToken;
using Amazon.SSO;
using Amazon.SSOOIDC;

namespace LabRunner.Rds.Targeting;

/// <summary>
/// Hands AWSSDK.Core the STS and SSO clients its credential providers need. Without this the SDK looks them up by
/// assembly name through reflection, which a trimmed native binary cannot do ("missing runtime dependency"). Every
/// client made here is anonymous on purpose: web identity, SAML and SSO calls carry their own token, not AWS keys
/// (AssumeRole, which is signed with the source profile's keys, goes through <see cref="AssumedRoleCredentials"/>).
/// </summary>
internal static class AwsRuntimeDependencies
{
    private static readonly Lazy<bool> Registration = new(Register);

    public static void EnsureRegistered() => _ = Registration.Value;

    private static bool Register()
    {
        var registry = GlobalRuntimeDependencyRegistry.Instance;
        registry.RegisterSecurityTokenServiceClient(context => NewStsClient(context.SecurityTokenServiceClientContextData.Region));
        registry.RegisterSSOClient(context => new AmazonSSOClient(new AnonymousAWSCredentials(), context.SSOClientContextData.Region));
        registry.RegisterSSOOIDCClient(context => new AmazonSSOOIDCClient(new AnonymousAWSCredentials(), context.SSOOIDCClientContextData.Region));
        return true;
    }

    /// <summary>An STS client in <paramref name="region"/>; the SDK's config honours <c>AWS_ENDPOINT_URL_STS</c> and the profile's <c>services</c> endpoints.</summary>
    public static AmazonSecurityTokenServiceClient NewStsClient(RegionEndpoint? region, AWSCredentials? credentials = null) =>
        new(credentials ?? new AnonymousAWSCredentials(), new AmazonSecurityTokenServiceConfig { RegionEndpoint = region ?? RegionEndpoint.USEast1 });
}
