using System.Runtime.CompilerServices;

namespace LabRunner.Rds.Tests.Client;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    /// <summary>Tests that change process environment variables or the shared AWS files run here, alone.</summary>
    public const string Name = "process environment";
}

/// <summary>
/// A clean AWS environment for one test: every AWS_* variable the SDKs read is cleared and the shared config and
/// credentials files hold only what the test writes. Dispose restores the variables and empties the files.
/// </summary>
/// <remarks>
/// AWSSDK.Core reads <c>AWS_CONFIG_FILE</c> and <c>AWS_SHARED_CREDENTIALS_FILE</c> once per process, so
/// <see cref="IsolatedAwsFiles"/> points them at this run's own files before any test starts, and tests rewrite those files.
/// </remarks>
internal sealed class AwsEnvironment : IDisposable
{
    private static readonly string[] Variables =
    [
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_SECRET_KEY", "AWS_PROFILE", "AWS_REGION", "AWS_DEFAULT_REGION",
        "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_RDS", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
        "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ROLE_ARN", "AWS_ROLE_SESSION_NAME", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI",
        "AWS_CONTAINER_AUTHORIZATION_TOKEN", "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", "AWS_ENDPOINT_URL_STS",
        "AWS_EC2_METADATA_DISABLED", "AWS_EC2_METADATA_SERVICE_ENDPOINT",
    ];

    private readonly Dictionary<string, string?> saved = Variables.ToDictionary(v => v, Environment.GetEnvironmentVariable);

    public AwsEnvironment()
    {
        foreach (var variable in Variables)
        {
            Environment.SetEnvironmentVariable(variable, null);
        }

        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");

        IsolatedAwsFiles.Clear();
    }

    public AwsEnvironment Set(string variable, string? value)
    {
        Environment.SetEnvironmentVariable(variable, value);
        return this;
    }

    public AwsEnvironment Config(string text)
    {
        File.WriteAllText(IsolatedAwsFiles.ConfigFile, text);
        return this;
    }

    public AwsEnvironment Credentials(string text)
    {
        File.WriteAllText(IsolatedAwsFiles.CredentialsFile, text);
        return this;
    }

    public void Dispose()
    {
        foreach (var (variable, value) in saved)
        {
            Environment.SetEnvironmentVariable(variable, value);
        }

        IsolatedAwsFiles.Clear();
    }
}

/// <summary>This test run's shared AWS files, so no test reads the machine's ~/.aws; instance metadata is switched off (no probe of 169.254.169.254).</summary>
internal static class IsolatedAwsFiles
{
    private static readonly string Folder = Directory.CreateTempSubdirectory("labrunner-aws-").FullName;

    public static string ConfigFile { get; } = Path.Combine(Folder, "config");

    public static string CredentialsFile { get; } = Path.Combine(Folder, "credentials");

    [ModuleInitializer]
    internal static void PointTheSdkHere()
    {
        Clear();
        Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", ConfigFile);
        Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", CredentialsFile);
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
    }

    public static void Clear()
    {
        File.WriteAllText(ConfigFile, "");
        File.WriteAllText(CredentialsFile, "");
    }
}
