using System.CommandLine;
using LabRunner.Cli.Classroom;
using LabRunner.Cli.Labs;
using LabRunner.Cli.Targets;
using LabRunner.Content.Loading;
using LabRunner.Content.Model;
using LabRunner.Engine.Actions;
using LabRunner.Engine.Plans;
using LabRunner.Engine.Progress;
using LabRunner.Engine.Sessions;
using LabRunner.Content.Text;

namespace LabRunner.Cli.Commands;

/// <summary>A learner's session on a lab, with the target it talks to; disposing it stops an in-process sandbox.</summary>
public sealed class OpenedLab(LabSession session, TargetConnection target) : IAsyncDisposable
{
    public LabSession Session { get; } = session;

    public TargetConnection Target { get; } = target;

    public ValueTask DisposeAsync() => Target.DisposeAsync();
}

/// <summary>
/// What check, perform and cleanup share: the lab argument, and opening a learner's session in the order that keeps
/// promises: lab, variables and specs are validated (exit 2) before the target is touched (exit 3 if it cannot be).
/// </summary>
public static class LabInvocation
{
    public static readonly Argument<string> LabPath = new("lab")
    {
        Description = "The lab: its folder or lab.yaml, or the name of a lab in ./labs or built in (e.g. aurora-backup).",
    };

    public static readonly Option<bool> Yes = new("--yes", "-y")
    {
        Description = "Go ahead without asking for confirmation.",
    };

    /// <summary>Adds the session options to <paramref name="command"/> and runs <paramref name="body"/> with the learner's session, closed afterwards.</summary>
    public static void SetSessionAction(Command command, Func<ParseResult, LabSession, CancellationToken, Task<int>> body)
    {
        SessionOptions.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var opened = await OpenAsync(parse, cancellationToken);
            return await body(parse, opened.Session, cancellationToken);
        });
    }

    public static Task<OpenedLab> OpenAsync(ParseResult parse, CancellationToken cancellationToken) =>
        OpenAsync(parse.GetValue(LabPath)!, SessionOptions.VariablesOf(parse), parse, cancellationToken);

    /// <summary>
    /// Opens the lab at <paramref name="labPath"/> for <paramref name="variables"/>, the target options coming from
    /// <paramref name="parse"/>; in a class joined, the learner's name fills the lab's name variable.
    /// </summary>
    public static async Task<OpenedLab> OpenAsync(string labPath, IReadOnlyDictionary<string, string> variables, ParseResult parse, CancellationToken cancellationToken)
    {
        var lab = LoadLab(labPath);
        var dataDirectory = DataDirectory.Resolve(parse.GetValue(GlobalOptions.DataDir));
        variables = StoredTargets.For(SessionOptions.TargetOf(parse), dataDirectory)?.NameInto(lab, variables) ?? variables;
        TargetConnection? target = null;
        try
        {
            var opening = await SessionOpener.OpenAsync(lab, variables, async token =>
            {
                var options = SessionOptions.TargetOf(parse);
                if (options.Problem is { } contradiction)
                    throw CliFailure.Usage(contradiction);
                return target = await TargetConnection.ConnectAsync(options, dataDirectory, token);
            }, new ProgressStore(dataDirectory, TimeProvider.System), TimeProvider.System, cancellationToken);
            if (opening.Session is not { } session)
                throw CliFailure.Usage(UsageProblem(opening.Binding));
            foreach (var warning in new[] { session.ProgressWarning, target!.Info.Identity?.ExpiryWarning(DateTimeOffset.UtcNow) }.OfType<string>())
                parse.InvocationConfiguration.Error.WriteLine($"labrunner: warning: {VisibleText.Of(warning)}");
            return new OpenedLab(session, target);
        }
        catch when (target is not null)
        {
            await target.DisposeAsync();
            throw;
        }
    }

    /// <summary>Why the learner's values do not bind the lab: each wrong <c>--var</c> on its line, or the spec at fault.</summary>
    private static string UsageProblem(PlanBinding binding) => binding.SpecProblem is { } spec
        ? VisibleText.Of(spec)
        : string.Join(Environment.NewLine, binding.VariableProblems.Select(problem => VisibleText.Of($"--var: {problem}")));

    /// <summary>Loads the lab <paramref name="reference"/> names (see <see cref="LabLibrary"/>) or fails with its error findings, each located (exit 2).</summary>
    public static Lab LoadLab(string reference)
    {
        var loaded = LabLoader.Load(new LabLibrary().Resolve(reference));
        return loaded.Lab ?? throw CliFailure.Usage(string.Join(Environment.NewLine, loaded.Findings.Where(finding => finding.IsError).Select(finding => VisibleText.Of(finding.ToString()))));
    }

    /// <summary>One line: what happened and the outcome's message, made visible (it may quote the endpoint).</summary>
    public static string Describe(ActionOutcome outcome) => VisibleText.Of(outcome.Kind switch
    {
        ActionOutcomeKind.Done => $"done: {outcome.Message}",
        ActionOutcomeKind.AlreadyDone => $"nothing to do: {outcome.Message}",
        ActionOutcomeKind.Refused => $"refused: {outcome.Message}",
        _ => $"failed: {outcome.Message}",
    });

    /// <summary>0 when every action succeeded, 3 when the target could not be used, else 1.</summary>
    public static int ExitCodeOf(IReadOnlyList<ActionOutcome> outcomes)
    {
        if (outcomes.Any(outcome => outcome.Error is { } error && TargetConnection.IsTargetProblem(error)))
            return ExitCodes.Target;
        return outcomes.All(outcome => outcome.Succeeded) ? ExitCodes.Ok : ExitCodes.NotPassed;
    }
}
