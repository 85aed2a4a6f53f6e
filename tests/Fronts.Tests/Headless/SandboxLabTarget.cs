using LabRunner.Cli.Commands;
using LabRunner.Cli.Targets;
using LabRunner.Engine.Plans;
using LabRunner.Engine.Sessions;
using LabRunner.Engine.Targets;
using LabRunner.Rds;
using LabRunner.TestSupport.Peers;
using LabRunner.TestSupport.Sandbox;
using LabRunner.Tui.Hosting;

namespace LabRunner.Fronts.Tests.Headless;

/// <summary>
/// The TUI's target for tests: the real sandbox in-process on a fake clock, reached by the real RDS client over HTTP.
/// The test owns the sandbox, so several TUI runs (a quit, then a reopen) see the same state; disposing this target
/// closes only its client. The client makes one attempt per call, so an injected fault shows at once.
/// </summary>
/// <param name="shownAs">What the TUI is told it talks to (by default, the sandbox it is): AWS, say, to see what a learner there sees.</param>
/// <param name="passFile">Where P writes the progress pass (signed by the real client, written by <c>labrunner pass</c>'s code); none without it.</param>
public sealed class SandboxLabTarget(SandboxFixture sandbox, RdsQueryClient client, TargetInfo? shownAs = null, string? passFile = null) : ILabTarget, IPassWriter
{
    public TargetInfo Info { get; } = shownAs ?? new(TargetKind.Sandbox, sandbox.Uri, "us-east-1");

    public IRdsApi Rds => client;

    public static async Task<ILabTarget> ConnectAsync(SandboxFixture sandbox, TargetInfo? shownAs = null, string? passFile = null) =>
        new SandboxLabTarget(sandbox, await PeerClients.CreateClientAsync(sandbox.Uri, options => options with { MaxAttempts = 1 }), shownAs, passFile);

    public Task PrepareAsync(LabPlan plan, CancellationToken cancellationToken)
    {
        sandbox.Host.Seed(SandboxTarget.SeedsOf(plan));
        return Task.CompletedTask;
    }

    public async Task<WrittenPass> WritePassAsync(LabSession session, CancellationToken cancellationToken) => passFile is null
        ? throw new TargetUnavailableException("this test target writes no pass")
        : await PassCommand.WriteForTuiAsync(await client.PresignReadsAsync(PassCommand.DefaultExpiry, cancellationToken), session, passFile, cancellationToken);

    public ValueTask DisposeAsync()
    {
        client.Dispose();
        return ValueTask.CompletedTask;
    }
}
