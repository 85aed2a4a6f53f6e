using Amazon.Runtime;
using LabRunner.Sandbox.Accounts;
using LabRunner.Cli.Classroom;
using LabRunner.Engine.Plans;
using LabRunner.Engine.Targets;
using LabRunner.Rds;
using LabRunner.Rds.Model;
using LabRunner.Content.Text;

namespace LabRunner.Cli.Targets;

/// <summary>
/// The RDS API a front talks to and what to show about it. The sandbox target is the data folder's shared sandbox (see
/// <see cref="SandboxTarget"/>), seeded with the learner's fixtures; the AWS target is
/// the RDS client with the usual endpoint, region and credential resolution.
/// </summary>
public sealed class TargetConnection : ILabTarget
{
    private readonly RdsQueryClient client;
    private readonly SandboxUse? sandbox;
    private readonly List<RdsQueryClient> siblings = [];

    internal TargetConnection(RdsQueryClient client, TargetInfo info, SandboxUse? sandbox)
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

    /// <summary>The same credentials, read-only, in every other region of the partition (none on the sandbox); closed with this connection.</summary>
    public IReadOnlyDictionary<string, IRdsReadApi> OtherRegions()
    {
        if (sandbox is not null)
            return new Dictionary<string, IRdsReadApi>();
        var readers = new Dictionary<string, IRdsReadApi>(StringComparer.Ordinal);
        foreach (var region in client.OtherRegions())
        {
            var sibling = client.ForRegion(region);
            siblings.Add(sibling);
            readers[region] = new ReadOnlyRdsApi(sibling);
        }
        return readers;
    }

    /// <summary>Connects without any learner yet: the class joined (when no option names a target), starts the sandbox, or resolves the AWS client.</summary>
    /// <exception cref="CliFailure">The target cannot be used (exit 3) or a setting is wrong (exit 2).</exception>
    public static async Task<TargetConnection> ConnectAsync(TargetOptions options, string dataDirectory, CancellationToken cancellationToken)
    {
        try
        {
            if (StoredTargets.For(options, dataDirectory) is { } joined)
                return await OpenClassAsync(joined, cancellationToken);
            return options.ResolvedKind == TargetKind.Sandbox
                ? await SandboxTarget.StartAsync(dataDirectory, cancellationToken)
                : await OpenAwsAsync(options, cancellationToken);
        }
        catch (RdsException problem)
        {
            throw CliFailure.Target(VisibleText.Of(problem.Message)); // one line, whatever the endpoint sent
        }
    }

    /// <summary>Presigns the Describe calls a read asks, for a progress pass (see <see cref="RdsQueryClient.PresignReadsAsync"/>).</summary>
    /// <exception cref="CliFailure">The credentials cannot sign one (exit 3).</exception>
    public async Task<Rds.Passes.PassRecorder> PresignReadsAsync(TimeSpan expiresIn, CancellationToken cancellationToken)
    {
        try
        {
            return await client.PresignReadsAsync(expiresIn, cancellationToken);
        }
        catch (RdsException problem)
        {
            throw CliFailure.Target(VisibleText.Of(problem.Message));
        }
    }

    /// <summary>Readies a learner's starting resources: on the sandbox, the lab's fixtures (what exists is kept); on AWS they are the learner's own.</summary>
    public Task PrepareAsync(LabPlan plan, CancellationToken cancellationToken)
    {
        sandbox?.Seeder.Seed(Caller.Local, SandboxTarget.SeedsOf(plan));
        return Task.CompletedTask;
    }

    /// <summary>Whether an RDS failure is about the target (unreachable, credentials, access, its own faults) rather than the request.</summary>
    public static bool IsTargetProblem(RdsException error) => error.Kind is RdsErrorKind.Transport or RdsErrorKind.Credentials
        or RdsErrorKind.AccessDenied or RdsErrorKind.Service or RdsErrorKind.Throttled or RdsErrorKind.Configuration;

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        siblings.ForEach(sibling => sibling.Dispose());
        if (sandbox is not null)
            await sandbox.Sandbox.DisposeAsync();
    }

    private static async Task<TargetConnection> OpenAwsAsync(TargetOptions options, CancellationToken cancellationToken)
    {
        var client = await RdsClientFactory.CreateAsync(
            new RdsClientOptions { Endpoint = options.Endpoint, Region = options.Region, Profile = options.Profile }, cancellationToken);
        try
        {
            var target = client.Target;
            var identity = await WhoAmIAsync(client, cancellationToken);
            var sandboxId = await SandboxIdAsync(client, cancellationToken);
            return new TargetConnection(client, new TargetInfo(TargetKind.Aws, target.Endpoint, target.Region, target.Profile, target.CredentialSource, identity, sandboxId), null);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The identity of a LabRunner sandbox at a stand-in endpoint, from the header its every answer carries: one small
    /// Describe, whose answer (even a refusal) is enough. Null for AWS, for other stand-ins, and when nothing answers:
    /// the learner's own first call then says what is wrong.
    /// </summary>
    private static async Task<string?> SandboxIdAsync(RdsQueryClient client, CancellationToken cancellationToken)
    {
        if (TargetInfo.IsAmazonEndpoint(client.Target.Endpoint))
            return null;
        try
        {
            await client.DescribeDBClustersAsync(new DescribeDBClustersRequest { Filters = [new("db-cluster-id", ["labrunner-identity-probe"])], MaxRecords = 20 }, cancellationToken);
        }
        catch (RdsException)
        {
            // Any answer names the sandbox; no answer leaves it unnamed.
        }
        return client.Stats.SandboxId;
    }

    /// <summary>The class sandbox joined, signing with the stored key; no STS to ask, no credential chain to consult.</summary>
    private static async Task<TargetConnection> OpenClassAsync(StoredTarget joined, CancellationToken cancellationToken)
    {
        var client = await RdsClientFactory.CreateAsync(
            new RdsClientOptions { Endpoint = joined.Endpoint, Region = joined.Region, Credentials = new BasicAWSCredentials(joined.AccessKeyId, joined.SecretAccessKey) }, cancellationToken);
        var target = client.Target;
        var credentialSource = joined.Learner is null ? "the class's instructor key" : $"{joined.Learner}'s key in the class";
        var sandboxId = await SandboxIdAsync(client, cancellationToken);
        return new TargetConnection(client, new TargetInfo(TargetKind.Aws, target.Endpoint, target.Region, CredentialSource: credentialSource, SandboxId: sandboxId, ClassName: joined.ClassName), null);
    }

    // Refused or missing credentials (or a malformed STS endpoint) stop here, before any step, with their source and
    // what to run; an STS that cannot answer otherwise only leaves the account unnamed, and RDS's own answer decides.
    private static async Task<AccountIdentity?> WhoAmIAsync(RdsQueryClient client, CancellationToken cancellationToken)
    {
        try
        {
            return await client.GetCallerIdentityAsync(cancellationToken) is { } identity
                ? new AccountIdentity(identity.Account, identity.Arn, identity.CredentialsExpire)
                : null;
        }
        catch (RdsException problem) when (problem.Kind is not (RdsErrorKind.Credentials or RdsErrorKind.Configuration))
        {
            return null;
        }
    }
}
