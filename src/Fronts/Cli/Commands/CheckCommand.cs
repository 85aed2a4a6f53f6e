using System.CommandLine;
using LabRunner.Cli.Reports;
using LabRunner.Engine.Sessions;
using LabRunner.Engine.Steps;
using LabRunner.Engine.Waiting;
using LabRunner.Content.Text;

namespace LabRunner.Cli.Commands;

/// <summary><c>labrunner check &lt;lab&gt;</c>: judges every step for one learner and reports it.</summary>
public static class CheckCommand
{
    private static readonly Option<bool> Wait = new("--wait")
    {
        Description = "Wait for steps that are still on their way (a snapshot being created), up to each step's timeout.",
    };

    private static readonly Option<ReportFormat> Format = new("--format")
    {
        Description = "text (a table), json, junit (one testcase per step) or markdown (a CI step summary).",
        DefaultValueFactory = _ => ReportFormat.Text,
        CustomParser = result => EnumOption.Parse<ReportFormat>(result, "--format") ?? ReportFormat.Text,
        CompletionSources = { "text", "json", "junit", "markdown" },
    };

    public static Command Create(CliTerminal terminal)
    {
        var command = new Command("check", "Check every step of a lab against the target for one learner.")
        {
            LabInvocation.LabPath,
            Wait,
            Format,
        };
        LabInvocation.SetSessionAction(command, (parse, session, cancellationToken) =>
            ReportAsync(session, parse.GetValue(Wait), parse.GetValue(Format), parse.InvocationConfiguration, terminal.Color, cancellationToken));
        return command;
    }

    /// <summary>Checks every step (waiting on unsettled ones if asked), writes the report, and returns the exit code.</summary>
    public static async Task<int> ReportAsync(LabSession session, bool wait, ReportFormat format, InvocationConfiguration console, bool color, CancellationToken cancellationToken)
    {
        var results = await session.CheckAllAsync(cancellationToken);
        if (wait)
            results = await WaitForUnsettledAsync(session, results, console.Error, cancellationToken);
        var report = new CheckReport(session.Lab, session.Learner.Variables, session.Target, results);
        ReportWriters.Write(format, report, console.Output, color);
        if (results.FirstOrDefault(result => result.Status == StepStatus.Error) is { } error)
            console.Error.WriteLine(VisibleText.Of($"labrunner: could not use the target {session.Target.Description}: {error.Reason}"));
        return ExitCodeOf(results);
    }

    /// <summary>0 when every required checked step passed (optional steps never fail it), 3 when the target could not be read, else 1.</summary>
    public static int ExitCodeOf(IReadOnlyList<StepResult> results)
    {
        // An optional step never fails the check, not even one whose state could not be read (its error is in the report).
        if (results.Any(result => result.Status == StepStatus.Error && !result.Optional))
            return ExitCodes.Target;
        return StepTally.Of(results).AllPassed ? ExitCodes.Ok : ExitCodes.NotPassed;
    }

    /// <summary>
    /// A step that waits and has not settled; an optional one only once under way (the learner started it): one not
    /// begun would hold --wait for its whole timeout.
    /// </summary>
    public static bool ToWaitFor(StepResult result) =>
        result.Waits && !StepWaiter.IsFinal(result) && (!result.Optional || result.Status == StepStatus.InProgress);

    private static async Task<IReadOnlyList<StepResult>> WaitForUnsettledAsync(
        LabSession session, IReadOnlyList<StepResult> results, TextWriter error, CancellationToken cancellationToken)
    {
        foreach (var result in results.Where(ToWaitFor))
        {
            error.WriteLine(VisibleText.Of($"waiting for {result.StepId}: {result.Reason}"));
            var progress = new InlineProgress<StepResult>(update => error.WriteLine("  " + VisibleText.Of($"{update.StepId}: {update.Reason}")));
            await session.WaitAsync(result.StepId, progress, cancellationToken: cancellationToken);
        }
        return session.Results;
    }
}
