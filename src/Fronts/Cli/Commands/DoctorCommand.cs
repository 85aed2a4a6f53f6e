using System.CommandLine;
using LabRunner.Cli.Reports;
using LabRunner.Content.Text;
using LabRunner.Engine.Preflight;

namespace LabRunner.Cli.Commands;

/// <summary>
/// <c>labrunner doctor &lt;lab&gt;</c>: before step 1, whether credentials, account, region, clock, RDS and the learner's
/// starting resources are right, and which API actions the lab will call. Reads only.
/// </summary>
public static class DoctorCommand
{
    private static readonly Option<bool> AllRegions = new("--all-regions")
    {
        Description = "When your cluster is missing, look for it in every other region too (one Describe call per region).",
    };

    private static readonly Option<DoctorFormat> Format = new("--format")
    {
        Description = "text (lines for a person) or json (for a script); the exit code is the same.",
        DefaultValueFactory = _ => DoctorFormat.Text,
        CustomParser = result => EnumOption.Parse<DoctorFormat>(result, "--format") ?? DoctorFormat.Text,
        CompletionSources = { "text", "json" },
    };

    public static Command Create()
    {
        var command = new Command("doctor", "Check, before you start, that credentials, account, region, clock and your starting resources are right.")
        {
            LabInvocation.LabPath,
            AllRegions,
            Format,
        };
        SessionOptions.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var opened = await LabInvocation.OpenAsync(parse, cancellationToken);
            var session = opened.Session;
            var preflight = new LabPreflight(
                session.Plan, opened.Target.ReadOnly, session.Target, () => opened.Target.Stats.ClockSkew,
                parse.GetValue(AllRegions) ? opened.Target.OtherRegions() : null);
            var report = await preflight.RunAsync(cancellationToken);
            if (parse.GetValue(Format) == DoctorFormat.Json)
                DoctorDocument.Of(report, session.Lab.Id, session.Learner.Key).Write(parse.InvocationConfiguration.Output);
            else
                Write(report, session.Lab.Title, session.Learner.Key, parse.InvocationConfiguration.Output);
            return ExitCodeOf(report);
        });
        return command;
    }

    /// <summary>As <c>check</c>: 0 ready (warnings allowed), 1 something of the learner's is not right, 3 the target cannot be used.</summary>
    public static int ExitCodeOf(PreflightReport report) => report.Worst switch
    {
        PreflightStatus.TargetProblem => ExitCodes.Target,
        PreflightStatus.Problem => ExitCodes.NotPassed,
        _ => ExitCodes.Ok,
    };

    private static void Write(PreflightReport report, string labTitle, string learner, TextWriter output)
    {
        output.WriteLine(VisibleText.Of($"{labTitle}: doctor for learner {learner}"));
        var width = report.Checks.Max(check => check.Subject.Length);
        foreach (var check in report.Checks)
            output.WriteLine(VisibleText.Of($"  {Glyph(check.Status)} {check.Subject.PadRight(width)}  {check.Text}"));
        output.WriteLine();
        output.WriteLine("API actions this lab calls (check your permissions):");
        foreach (var (purpose, actions) in report.ApiActions.Where(group => group.Actions.Count > 0))
            output.WriteLine($"  {purpose,-8} {string.Join(", ", actions)}");
    }

    private static string Glyph(PreflightStatus status) => status switch
    {
        PreflightStatus.Ok => "✓",
        PreflightStatus.Warning => "!",
        _ => "✗",
    };
}
