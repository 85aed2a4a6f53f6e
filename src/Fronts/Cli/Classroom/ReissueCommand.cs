using System.CommandLine;

namespace LabRunner.Cli.Classroom;

/// <summary>
/// <c>labrunner sandbox reissue NAME [--new-key]</c>: from the instructor's terminal, a learner who lost their join code
/// or let it expire gets a new one (the old one stops joining); <c>--new-key</c> also retires the key their laptop
/// holds, e.g. when it was lost. Their resources stay. Prints the learner's new join line.
/// </summary>
public static class ReissueCommand
{
    private static readonly Argument<string> Name = new("name")
    {
        Description = "The learner's name in the class, as 'sandbox add-learners' added it.",
    };

    private static readonly Option<bool> NewKey = new("--new-key")
    {
        Description = "Also give the learner a new key: the one their laptop holds stops working (they join again with the new code).",
    };

    public static Command Create()
    {
        var command = new Command("reissue", "Give a learner of the running class a new join code (the instructor's key); their resources stay.") { Name, NewKey };
        command.SetAction((parse, cancellationToken) => RunAsync(parse, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var instructor = StoredTargets.Instructor(DataDirectory.Resolve(parse.GetValue(GlobalOptions.DataDir)));
        var invitation = await ClassSandboxCalls.ReissueCodeAsync(instructor, parse.GetValue(Name)!, parse.GetValue(NewKey), cancellationToken);
        var output = parse.InvocationConfiguration.Output;
        AddLearnersCommand.WriteJoinLines(output, instructor.Endpoint, [invitation]);
        output.WriteLine(parse.GetValue(NewKey)
            ? "Their old code and their old key no longer work; their resources are kept."
            : "Their old code no longer works; their key and resources are kept.");
        return ExitCodes.Ok;
    }
}
