using System.Globalization;
using Amazon.Runtime;
using LabRunner.Engine.Plans;
using LabRunner.Engine.Targets;
using LabRunner.Rds;
using LabRunner.Rds.Protocol;
using LabRunner.Sandbox;
using LabRunner.Sandbox.Operations;
using LabRunner.Sandbox.Seeding;
using LabRunner.Sandbox.Sharing;
using LabRunner.Sandbox.State;

namespace LabRunner.Cli.Targets;

/// <summary>The data folder's sandbox, shared by every LabRunner process on that folder (see <see cref="SharedSandbox"/>).</summary>
public static class SandboxTarget
{
    /// <summary>Seconds a sandbox snapshot stays <c>creating</c> (default: the sandbox's own), for quick demos and tests.</summary>
    public const string SnapshotSecondsVariable = "LABRUNNER_SANDBOX_SNAPSHOT_SECONDS";

    /// <summary>
    /// Joins the folder's sandbox, starting it if none runs; <see cref="TargetConnection.PrepareAsync"/> seeds a
    /// learner's fixtures later. When LabRunner runs inside another program (no labrunner executable to start), it runs
    /// a sandbox of its own on the folder's state file: the state's lock still keeps every change of each process.
    /// </summary>
    /// <exception cref="CliFailure">The state file cannot be used, or the sandbox cannot be started (exit 3).</exception>
    public static async Task<TargetConnection> StartAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        var options = Options(dataDirectory);
        FixtureSeeder seeder;
        try
        {
            seeder = new FixtureSeeder(SandboxServices.From(options));
        }
        catch (SandboxStateException damaged)
        {
            throw CliFailure.Target(damaged.Message);
        }
        IAsyncDisposable sandbox;
        Uri endpoint;
        HttpMessageHandler? handler = null;
        if (SharedSandbox.Executable is { } executable)
        {
            var shared = await SharedSandbox.JoinAsync(executable, dataDirectory, port: 0, new Dictionary<string, string>(), cancellationToken);
            handler = shared.Reviver(RdsHttpHandler.New());
            (sandbox, endpoint) = (new Leaving(shared, handler), shared.Uri);
        }
        else
        {
            var own = await SandboxHost.StartAsync(options, cancellationToken);
            (sandbox, endpoint) = (own, own.Uri);
        }
        try
        {
            var client = await RdsClientFactory.CreateAsync(new RdsClientOptions
            {
                Endpoint = endpoint,
                Region = options.Region,
                Credentials = new BasicAWSCredentials(AwsCliEnvironment.SandboxKey, AwsCliEnvironment.SandboxKey),
                HttpMessageHandler = handler,
            }, cancellationToken);
            return new TargetConnection(client, new TargetInfo(TargetKind.Sandbox, endpoint, options.Region), new SandboxUse(sandbox, seeder));
        }
        catch
        {
            await sandbox.DisposeAsync();
            throw;
        }
    }

    /// <summary>The sandbox's settings for the data folder: its state file there, and the snapshot time from <see cref="SnapshotSecondsVariable"/>.</summary>
    public static SandboxOptions Options(string dataDirectory)
    {
        var options = new SandboxOptions { Port = 0, StateFile = new SandboxFolder(dataDirectory).StatePath };
        return SnapshotDuration() is { } duration ? options with { SnapshotDuration = duration } : options;
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

    /// <summary>Leaves the shared sandbox when the connection closes (it stops by itself once nobody uses it), and closes the client's handler.</summary>
    private sealed class Leaving(SharedSandbox shared, HttpMessageHandler handler) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            handler.Dispose();
            shared.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>The sandbox a connection uses, closed with it, and the seeder of learners' fixtures into its state.</summary>
public sealed record SandboxUse(IAsyncDisposable Sandbox, FixtureSeeder Seeder);
