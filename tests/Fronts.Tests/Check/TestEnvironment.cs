using System.Runtime.CompilerServices;

namespace LabRunner.Fronts.Tests.Check;

internal static class TestEnvironment
{
    /// <summary>
    /// The CLI's AWS target uses the usual credential chain; these tests give it test keys in the environment (which win
    /// over any profile) and a region, so a developer's own ~/.aws never takes part.
    /// </summary>
    [ModuleInitializer]
    internal static void UseTestKeys()
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIDLABRUNNERTEST");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "labrunner-test-secret");
        Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", null);
        Environment.SetEnvironmentVariable("AWS_REGION", "us-east-1");
        Environment.SetEnvironmentVariable("AWS_PROFILE", null);
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL", null);
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_RDS", null);
    }

    /// <summary>Snapshots on the CLI's own in-process sandbox are available at once, so its end-to-end runs need no waiting.</summary>
    [ModuleInitializer]
    internal static void UseInstantSandboxSnapshots() =>
        Environment.SetEnvironmentVariable(LabRunner.Cli.Targets.SandboxTarget.SnapshotSecondsVariable, "0");
}
