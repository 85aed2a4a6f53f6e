using LabRunner.Content.Model;
using LabRunner.Content.Templates;
using LabRunner.Engine.Targets;
using LabRunner.Rds;

namespace LabRunner.Cli.Targets;

/// <summary>
/// The RDS API a front talks to and what to show about it. The sandbox target starts LabRunner's sandbox in-process on
/// a free loopback port, with its state in the data directory, seeded with the learner's fixtures; the AWS target is
/// the RDS client with the usual endpoint, region and credential resolution.
/// </summary>
public sealed class TargetConnection : IAsyncDisposable
{
    private readonly RdsQueryClient client;
    private readonly IAsyncDisposable? sandbox;

    internal TargetConnection(RdsQueryClient client, TargetInfo info, IAsyncDisposable? sandbox)
    {
        this.client = client;
        this.sandbox = sandbox;
        Info = info;
    }

    public IRdsApi Rds => client;

    /// <summary>The same client reduced to its Describe calls, for fronts that must not change anything.</summary>
    public ReadOnlyRdsApi ReadOnly => new(client);

    public TargetInfo Info { get; }

    /// <summary>Requests made so far, for fronts that show them.</summary>
    public RdsCallStats Stats => client.Stats;

    /// <param name="learner">The learner whose fixtures a sandbox seeds; null seeds nothing (the class view only reads).</param>
    /// <exception cref="CliFailure">The target cannot be used (exit 3) or a setting is wrong (exit 2).</exception>
    public static async Task<TargetConnection> OpenAsync(
        TargetOptions options, string dataDirectory, Lab lab, PlaceholderValues? learner, CancellationToken cancellationToken)
    {
        try
        {
            return options.ResolvedKind == TargetKind.Sandbox
                ? await SandboxTarget.OpenAsync(dataDirectory, lab, learner, cancellationToken)
                : await OpenAwsAsync(options, cancellationToken);
        }
        catch (RdsException problem)
        {
            throw CliFailure.Target(problem.Message);
        }
    }

    /// <summary>Whether an RDS failure is about the target (unreachable, credentials, access, its own faults) rather than the request.</summary>
    public static bool IsTargetProblem(RdsException error) => error.Kind is RdsErrorKind.Transport or RdsErrorKind.Credentials
        or RdsErrorKind.AccessDenied or RdsErrorKind.Service or RdsErrorKind.Throttled or RdsErrorKind.Configuration;

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        if (sandbox is not null)
            await sandbox.DisposeAsync();
    }

    private static async Task<TargetConnection> OpenAwsAsync(TargetOptions options, CancellationToken cancellationToken)
    {
        var client = await RdsClientFactory.CreateAsync(
            new RdsClientOptions { Endpoint = options.Endpoint, Region = options.Region, Profile = options.Profile }, cancellationToken);
        var target = client.Target;
        return new TargetConnection(client, new TargetInfo(TargetKind.Aws, target.Endpoint, target.Region, target.Profile, target.CredentialSource), null);
    }
}
