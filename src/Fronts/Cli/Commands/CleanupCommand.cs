using System.CommandLine;
using LabRunner.Content.Text;

namespace LabRunner.Cli.Commands;

/// <summary><c>labrunner cleanup &lt;lab&gt;</c>: deletes what the lab created for this learner, and nothing else.</summary>
public static class CleanupCommand
{
    public static Command Create(CliTerminal terminal)
    {
        var command = new Command("cleanup", "Delete what the lab created for the learner (the lab's cleanup list), after confirmation.")
        {
            LabInvocation.LabPath,
            LabInvocation.Yes,
        };
        LabInvocation.SetSessionAction(command, async (parse, session, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            output.WriteLine(VisibleText.Of($"target   {session.Target.Description}"));
            if (session.Plan.Cleanup.Count == 0)
            {
                output.WriteLine(VisibleText.Of($"Lab {session.Lab.Id} creates nothing to clean up."));
                return ExitCodes.Ok;
            }
            output.WriteLine("This deletes:");
            foreach (var action in session.Plan.Cleanup)
                output.WriteLine("  - " + VisibleText.Of($"{action.Summary}    ({action.CliCommand.Render(session.Target)})"));
            if (!terminal.Confirm("Delete these?", parse.GetValue(LabInvocation.Yes), output))
            {
                output.WriteLine("Nothing deleted.");
                return ExitCodes.NotPassed;
            }
            var outcomes = await session.CleanupAsync(cancellationToken);
            foreach (var outcome in outcomes)
                output.WriteLine(LabInvocation.Describe(outcome));
            return LabInvocation.ExitCodeOf(outcomes);
        });
        return command;
    }
}
