namespace LabRunner.Rds;

/// <summary>
/// Where a client talks to and as whom, with where each setting came from, for fronts to print. Holds no secret.
/// </summary>
/// <param name="EndpointSource">e.g. <c>explicit</c>, <c>AWS_ENDPOINT_URL_RDS</c>, <c>profile 'dev'</c>, <c>regional</c>.</param>
/// <param name="RegionSource">e.g. <c>explicit</c>, <c>AWS_REGION</c>, <c>AWS_DEFAULT_REGION</c>, <c>profile 'dev'</c>.</param>
/// <param name="Profile">The profile consulted for region, endpoint or credentials, if any was.</param>
/// <param name="CredentialSource">e.g. <c>explicit</c>, <c>environment variables</c>, <c>profile 'dev' (SSO)</c>.</param>
/// <param name="CredentialRemedy">What to run when those credentials fail, e.g. <c>run 'aws sso login --profile dev'</c>; null for explicit ones.</param>
public sealed record RdsTargetInfo(
    Uri Endpoint,
    string EndpointSource,
    string Region,
    string RegionSource,
    string? Profile,
    string CredentialSource,
    string? CredentialRemedy = null)
{
    /// <summary>Names the credentials' source, and what to run, after a message about them failing.</summary>
    public string AboutCredentials(string problem) =>
        CredentialRemedy is null ? $"{problem} (credentials from {CredentialSource})" : $"{problem} (credentials from {CredentialSource}: {CredentialRemedy})";

    public override string ToString() =>
        $"{Endpoint} (endpoint from {EndpointSource}), region {Region} (from {RegionSource}), credentials from {CredentialSource}";
}
