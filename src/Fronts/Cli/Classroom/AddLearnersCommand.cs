using System.CommandLine;
using System.Globalization;
using LabRunner.Content.Text;
using LabRunner.Rds;

namespace LabRunner.Cli.Classroom;

/// <summary>
/// <c>labrunner sandbox add-learners alice,bob</c>: from the instructor's terminal, while the class runs, adds learners
/// to the class sandbox (signed with the instructor key that <c>sandbox serve --class</c> stored), each with the lab's
/// starting resources, and prints one join line per learner.
/// </summary>
public static class AddLearnersCommand
{
    private static readonly Argument<string[]> Names = new("names")
    {
        Description = "The learners' names, as the lab's name variable takes them (e.g. alice bob, or alice,bob).",
        Arity = ArgumentArity.OneOrMore,
        CustomParser = result => [.. result.Tokens.SelectMany(token => token.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))],
    };

    public static Command Create()
    {
        var command = new Command("add-learners", "Add learners to the running class sandbox (the instructor's key) and print their join lines.") { Names };
        command.SetAction((parse, cancellationToken) => RunAsync(parse, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var dataDirectory = DataDirectory.Resolve(parse.GetValue(GlobalOptions.DataDir));
        var instructor = StoredTargets.Current(dataDirectory) is { Learner: null } stored
            ? stored
            : throw CliFailure.Usage($"no class is stored for an instructor in {StoredTargets.PathIn(dataDirectory)}: start the class with 'labrunner sandbox serve --class NAME' (same --data-dir) first");
        var invitations = await ClassSandboxCalls.AddLearnersAsync(instructor, parse.GetValue(Names)!, cancellationToken);
        WriteJoinLines(parse.InvocationConfiguration.Output, instructor.Endpoint, invitations);
        return ExitCodes.Ok;
    }

    /// <summary>One line a learner: their name and the command to run on their laptop; then when the codes expire.</summary>
    public static void WriteJoinLines(TextWriter output, Uri endpoint, IReadOnlyList<LearnerInvitation> invitations)
    {
        var width = invitations.Max(invitation => invitation.Name.Length);
        foreach (var invitation in invitations)
            output.WriteLine(VisibleText.Of($"{invitation.Name.PadRight(width)}  labrunner join {endpoint.GetLeftPart(UriPartial.Authority)} {invitation.JoinCode}"));
        var expiresAt = invitations.Min(invitation => invitation.ExpiresAt).UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        output.WriteLine($"Give each learner their own line: a code joins once, until {expiresAt} UTC.");
    }
}
