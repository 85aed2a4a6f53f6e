using LabRunner.Engine.Plans;
using LabRunner.Engine.Targets;
using LabRunner.Rds;
using LabRunner.Sandbox.Seeding;
using LabRunner.Tui.Hosting;

namespace LabRunner.Cli.Targets;

/// <summary>A <see cref="TargetConnection"/> as the TUI uses it: connected before the learner is known, prepared once they are.</summary>
public sealed class TuiTarget(TargetConnection connection) : ILabTarget
{
    public TargetInfo Info => connection.Info;

    public IRdsApi Rds => connection.Rds;

    /// <summary>Connects; what the learner can act on comes back as <see cref="TargetUnavailableException"/>.</summary>
    public static async Task<ILabTarget> ConnectAsync(TargetOptions options, string dataDirectory, CancellationToken cancellationToken)
    {
        try
        {
            return new TuiTarget(await TargetConnection.ConnectAsync(options, dataDirectory, cancellationToken));
        }
        catch (CliFailure failure)
        {
            throw new TargetUnavailableException(failure.Message, failure);
        }
    }

    public async Task PrepareAsync(LabPlan plan, CancellationToken cancellationToken)
    {
        try
        {
            await connection.PrepareAsync(plan, cancellationToken);
        }
        catch (FixtureException problem)
        {
            throw new TargetUnavailableException($"the sandbox cannot create this lab's starting resources: {problem.Message}", problem);
        }
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
