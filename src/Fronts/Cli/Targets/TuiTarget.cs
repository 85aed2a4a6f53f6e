using LabRunner.Cli.Commands;
using LabRunner.Content.Text;
using LabRunner.Engine.Plans;
using LabRunner.Engine.Preflight;
using LabRunner.Engine.Sessions;
using LabRunner.Engine.Targets;
using LabRunner.Rds;
using LabRunner.Sandbox.Seeding;
using LabRunner.Tui.Hosting;

namespace LabRunner.Cli.Targets;

/// <summary>A <see cref="TargetConnection"/> as the TUI uses it: connected before the learner is known, prepared once they are.</summary>
public sealed class TuiTarget(TargetConnection connection) : ILabTarget, IPassWriter
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

    /// <summary>On the sandbox, creates the learner's starting resources; elsewhere runs the preflight (as <c>labrunner doctor</c>) and stops before step 1 on what is not right.</summary>
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
        if (Info.Kind == TargetKind.Sandbox)
            return;
        var report = await new LabPreflight(plan, connection.ReadOnly, Info, () => connection.Stats.ClockSkew).RunAsync(cancellationToken);
        var blocking = report.Checks.Where(check => check.Status >= PreflightStatus.Problem).Select(check => $"{check.Subject}: {check.Text}").ToList();
        if (blocking.Count > 0)
            throw new TargetUnavailableException(VisibleText.Of($"before step 1: {string.Join("; ", blocking)}"));
    }

    /// <summary>The learner's progress pass, as <c>labrunner pass LAB</c> writes it (here, default expiry).</summary>
    public async Task<WrittenPass> WritePassAsync(LabSession session, CancellationToken cancellationToken)
    {
        if (Info.Kind == TargetKind.Sandbox)
            throw new TargetUnavailableException($"{PassCommand.BuiltInSandboxRefusal}. Make one in a class ('labrunner join') or on AWS ('--target aws').");
        try
        {
            return await PassCommand.WriteForTuiAsync(await connection.PresignReadsAsync(PassCommand.DefaultExpiry, cancellationToken), session, null, cancellationToken);
        }
        catch (CliFailure failure)
        {
            throw new TargetUnavailableException(failure.Message, failure);
        }
        catch (RdsException problem)
        {
            throw new TargetUnavailableException(VisibleText.Of(problem.Message), problem);
        }
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
