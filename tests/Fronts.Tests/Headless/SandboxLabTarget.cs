using LabRunner.Cli.Targets;
using LabRunner.Engine.Plans;
using LabRunner.Engine.Targets;
using LabRunner.Rds;
using LabRunner.TestSupport.Peers;
using LabRunner.TestSupport.Sandbox;

namespace LabRunner.Fronts.Tests.Headless;

/// <summary>
/// The TUI's target for tests: the real sandbox in-process on a fake clock, reached by the real RDS client over HTTP.
/// The test owns the sandbox, so several TUI runs (a quit, then a reopen) see the same state; disposing this target
/// closes only its client. The client makes one attempt per call, so an injected fault shows at once.
/// </summary>
public sealed class SandboxLabTarget(SandboxFixture sandbox, RdsQueryClient client) : ILabTarget
{
    public TargetInfo Info { get; } = new(TargetKind.Sandbox, sandbox.Uri, "us-east-1");

    public IRdsApi Rds => client;

    public static async Task<ILabTarget> ConnectAsync(SandboxFixture sandbox) =>
        new SandboxLabTarget(sandbox, await PeerClients.CreateClientAsync(sandbox.Uri, options => options with { MaxAttempts = 1 }));

    public Task PrepareAsync(LabPlan plan, CancellationToken cancellationToken)
    {
        sandbox.Host.Seed(SandboxTarget.SeedsOf(plan));
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        client.Dispose();
        return ValueTask.CompletedTask;
    }
}
