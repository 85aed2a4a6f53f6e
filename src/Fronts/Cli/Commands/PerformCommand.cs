using System.CommandLine;
using LabRunner.Engine.Steps;
using LabRunner.Content.Text;

namespace LabRunner.Cli.Commands;

/// <summary><c>labrunner perform &lt;lab&gt; --step ID</c>: shows the equivalent AWS CLI command, asks, performs, re-checks.</summary>
public static class PerformCommand
{
    private static readonly Option<string> Step = new("--step")
    {
        Description = "The id of the step to perform, e.g. take-snapshot.",
        Required = true,
    };

    public static Command Create(CliTerminal terminal)
    {
        var command = new Command("perform", "Do a step for the learner, after showing the equivalent AWS CLI command.")
        {
            LabInvocation.LabPath,
            Step,
            LabInvocation.Yes,
        };
        LabInvocation.SetSessionAction(command, async (parse, session, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var stepId = parse.GetValue(Step)!;
            if (session.Lab.FindStep(stepId) is null)
                throw CliFailure.Usage($"--step '{stepId}': lab {session.Lab.Id} has no such step; its steps are {string.Join(", ", session.Lab.Steps.Select(step => step.Id))}");
            var action = session.ActionOf(stepId)
                ?? throw CliFailure.Usage($"--step '{stepId}': LabRunner cannot perform this step, only check it; the steps it can perform are {string.Join(", ", PerformableSteps(session))}");

            output.WriteLine(VisibleText.Of($"target   {session.Target.Description}"));
            output.WriteLine(VisibleText.Of($"step     {stepId}: {action.Summary}"));
            output.WriteLine(VisibleText.Of($"command  {session.CliCommandOf(stepId)}"));
            if (session.CostWarningOf(stepId) is { } cost)
                output.WriteLine(VisibleText.Of($"COST     {cost}"));
            if (!terminal.Confirm("Perform it?", parse.GetValue(LabInvocation.Yes), output))
            {
                output.WriteLine("Nothing done.");
                return ExitCodes.NotPassed;
            }
            var performed = await session.PerformAsync(stepId, cancellationToken);
            output.WriteLine(LabInvocation.Describe(performed.Outcome));
            var result = performed.Result;
            output.WriteLine(VisibleText.Of($"{result.Status.Glyph()} {stepId}: {result.Status.WireName()}, {result.Reason}"));
            return LabInvocation.ExitCodeOf([performed.Outcome]);
        });
        return command;
    }

    private static IEnumerable<string> PerformableSteps(Engine.Sessions.LabSession session) =>
        session.Plan.Steps.Where(step => step.Perform is not null).Select(step => step.Id);
}
