namespace LabRunner.Engine.Targets;

/// <summary>
/// The environment that points the AWS CLI and the AWS SDKs at a LabRunner sandbox with no flags: its address for RDS,
/// a region, and credentials the sandbox accepts (it checks no signature unless told to). A profile or session token
/// from the learner's own setup is removed, so nothing of a real account is mixed in.
/// </summary>
public static class AwsCliEnvironment
{
    /// <summary>The access key and secret the sandbox is called with; they open nothing anywhere else.</summary>
    public const string SandboxKey = "sandbox";

    /// <summary>Set in a shell configured for the sandbox, to its address: scripts and prompts can tell where they are.</summary>
    public const string MarkerVariable = "LABRUNNER_SANDBOX";

    /// <summary>
    /// The region the AWS CLI is told. Not us-east-1: there the AWS CLI v1 sends RDS calls to rds.amazonaws.com whatever
    /// AWS_ENDPOINT_URL_RDS says (a customization for an old certificate name). The sandbox answers in any region.
    /// </summary>
    public const string Region = "us-west-2";

    /// <summary>Each variable with its value, or null for a variable to remove.</summary>
    public static IReadOnlyList<KeyValuePair<string, string?>> ForSandbox(Uri endpoint)
    {
        var address = endpoint.GetLeftPart(UriPartial.Authority);
        return
        [
            new("AWS_ENDPOINT_URL_RDS", address),
            new("AWS_REGION", Region),
            new("AWS_DEFAULT_REGION", Region),
            new("AWS_ACCESS_KEY_ID", SandboxKey),
            new("AWS_SECRET_ACCESS_KEY", SandboxKey),
            new("AWS_SESSION_TOKEN", null),
            new("AWS_PROFILE", null),
            new("AWS_DEFAULT_PROFILE", null),
            new("AWS_PAGER", ""),
            new(MarkerVariable, address),
        ];
    }
}
