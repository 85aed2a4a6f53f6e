namespace LabRunner.TestSupport;

/// <summary>
/// The real AWS CLI (v1, on the machine image) and boto3, pointed at an endpoint with dummy credentials and no
/// config files, so what they do depends only on the endpoint they talk to.
/// </summary>
public static class AwsCli
{
    public const string Region = "us-east-1";
    public const string AccessKeyId = "AKIDLABRUNNERTEST";
    public const string SecretAccessKey = "labrunner-test-secret";

    public static IReadOnlyDictionary<string, string> Environment(string accessKeyId = AccessKeyId, string secretAccessKey = SecretAccessKey) =>
        new Dictionary<string, string>
        {
            ["AWS_ACCESS_KEY_ID"] = accessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = secretAccessKey,
            ["AWS_DEFAULT_REGION"] = Region,
            ["AWS_CONFIG_FILE"] = "/nonexistent/labrunner-aws-config",
            ["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/labrunner-aws-credentials",
            ["AWS_PAGER"] = "",
        };

    /// <summary><c>aws rds ARGS --endpoint-url ENDPOINT --output json</c>.</summary>
    public static Task<ProcessResult> RdsAsync(Uri endpoint, params string[] arguments) =>
        RdsAsync(endpoint, Environment(), arguments);

    public static Task<ProcessResult> RdsAsync(Uri endpoint, IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        ExternalProcess.RunAsync("aws", ["rds", .. arguments, "--endpoint-url", endpoint.ToString().TrimEnd('/'), "--output", "json"], environment);

    /// <summary>Runs a Python script with boto3 available; the endpoint is in <c>sys.argv[1]</c>.</summary>
    public static Task<ProcessResult> Boto3Async(Uri endpoint, string script, TimeSpan? timeout = null) =>
        ExternalProcess.RunAsync("python3", ["-c", script, endpoint.ToString().TrimEnd('/')], Environment(), timeout);
}
