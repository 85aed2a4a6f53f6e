using Amazon;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

namespace LabRunner.Rds.Targeting;

/// <summary>Asks STS who the client's credentials are (GetCallerIdentity needs no permission), through AWSSDK.SecurityToken.</summary>
internal static class CallerIdentityLookup
{
    /// <summary>
    /// Whether asking STS is safe and meaningful: RDS is Amazon's own, or STS is pointed somewhere on purpose
    /// (<c>AWS_ENDPOINT_URL_STS</c>, <c>AWS_ENDPOINT_URL</c>, the profile's <c>services</c>). Credentials meant for a
    /// stand-in (moto, a class sandbox) are never sent to Amazon's STS.
    /// </summary>
    /// <exception cref="RdsException">The configured STS endpoint is not a URL (<see cref="RdsErrorKind.Configuration"/>).</exception>
    public static bool Applies(RdsTargetInfo target) => IsAmazon(target.Endpoint) || StsEndpointConfigured();

    private static bool StsEndpointConfigured()
    {
        try
        {
            return !string.IsNullOrWhiteSpace(new AmazonSecurityTokenServiceConfig().ServiceURL);
        }
        catch (AmazonClientException e)
        {
            throw MalformedEndpoint(e);
        }
    }

    private static RdsException MalformedEndpoint(Exception e) =>
        new(RdsErrorKind.Configuration, "InvalidEndpoint", $"STS's endpoint is not usable (check AWS_ENDPOINT_URL_STS, AWS_ENDPOINT_URL and the profile's endpoints): {e.Message}", innerException: e);

    public static async Task<CallerIdentity> AskAsync(RdsTargetInfo target, AWSCredentials credentials, CancellationToken cancellationToken)
    {
        try
        {
            using var sts = AwsRuntimeDependencies.NewStsClient(RegionEndpoint.GetBySystemName(target.Region), credentials);
            var answer = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), cancellationToken).ConfigureAwait(false);
            return new CallerIdentity(answer.Account ?? "", answer.Arn ?? "", credentials.Expiration is { } expires ? new DateTimeOffset(expires.ToUniversalTime(), TimeSpan.Zero) : null);
        }
        catch (AmazonServiceException e) when (e.StatusCode is System.Net.HttpStatusCode.Forbidden or System.Net.HttpStatusCode.Unauthorized
            || e.ErrorCode is "ExpiredToken" or "InvalidClientTokenId" or "SignatureDoesNotMatch" or "RequestExpired")
        {
            throw new RdsException(RdsErrorKind.Credentials, e.ErrorCode ?? "InvalidClientTokenId", target.AboutCredentials($"STS refused the credentials: {e.Message}"), e.RequestId, (int)e.StatusCode, e);
        }
        catch (AmazonServiceException e)
        {
            throw new RdsException(RdsErrorKind.Service, e.ErrorCode ?? "StsError", $"STS could not say who these credentials are: {e.Message}", e.RequestId, (int)e.StatusCode, e);
        }
        catch (Exception e) when (e is AmazonClientException or InvalidOperationException or IOException or HttpRequestException)
        {
            throw new RdsException(RdsErrorKind.Credentials, "CredentialsUnavailable", target.AboutCredentials($"Could not get AWS credentials: {e.Message}"), innerException: e);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or UriFormatException)
        {
            // The SDK's endpoint rules reject a malformed AWS_ENDPOINT_URL_STS or profile endpoint this way.
            throw MalformedEndpoint(e);
        }
    }

    private static bool IsAmazon(Uri endpoint) =>
        endpoint.Host.EndsWith(".amazonaws.com", StringComparison.OrdinalIgnoreCase) || endpoint.Host.EndsWith(".amazonaws.com.cn", StringComparison.OrdinalIgnoreCase);
}
