using System.Globalization;
using Amazon.Runtime;
using LabRunner.Engine.Plans;
using LabRunner.Engine.Targets;
using LabRunner.Rds;
using LabRunner.Sandbox;
using LabRunner.Sandbox.Seeding;
using LabRunner.Sandbox.State;

namespace LabRunner.Cli.Targets;

/// <summary>LabRunner's sandbox in-process on a free loopback port, its state in the data directory.</summary>
public static class SandboxTarget
{
    /// <summary>Seconds a sandbox snapshot stays <c>creating</c> (default: the sandbox's own), for quick demos and tests.</summary>
    public const string SnapshotSecondsVariable = "LABRUNNER_SANDBOX_SNAPSHOT_SECONDS";

    /// <summary>
    /// Starts the sandbox; <see cref="TargetConnection.PrepareAsync"/> seeds a learner's fixtures later. Other processes may
    /// run their own sandbox on the same state file at the same time: the state's lock keeps every change of each.
    /// </summary>
    /// <exception cref="CliFailure">The state file cannot be used (exit 3, naming it).</exception>
    public static async Task<TargetConnection> StartAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(dataDirectory, "sandbox");
        Directory.CreateDirectory(folder);
        var options = new SandboxOptions { Port = 0, StateFile = Path.Combine(folder, "state.json") };
        if (SnapshotDuration() is { } duration)
            options = options with { SnapshotDuration = duration };
        SandboxHost sandbox;
        try
        {
            sandbox = await SandboxHost.StartAsync(options, cancellationToken);
        }
        catch (SandboxStateException damaged)
        {
            throw CliFailure.Target(damaged.Message);
        }
        try
        {
            var client = await RdsClientFactory.CreateAsync(new RdsClientOptions
            {
                Endpoint = sandbox.Uri,
                Region = options.Region,
                Credentials = new BasicAWSCredentials(AwsCliEnvironment.SandboxKey, AwsCliEnvironment.SandboxKey),
            }, cancellationToken);
            return new TargetConnection(client, new TargetInfo(TargetKind.Sandbox, sandbox.Uri, options.Region), sandbox);
        }
        catch
        {
            await sandbox.DisposeAsync();
            throw;
        }
    }

    /// <summary>The plan's fixtures as the sandbox creates them.</summary>
    public static IReadOnlyList<SeedSpec> SeedsOf(LabPlan plan) =>
        plan.Fixtures.Select(fixture => new SeedSpec(fixture.Kind.Name, fixture.Values, fixture.Location.ToString())).ToList();

    private static TimeSpan? SnapshotDuration()
    {
        var text = Environment.GetEnvironmentVariable(SnapshotSecondsVariable);
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
            return TimeSpan.FromSeconds(seconds);
        throw CliFailure.Usage($"{SnapshotSecondsVariable}='{text}' is not a number of seconds");
    }
}
