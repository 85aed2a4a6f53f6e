using LabRunner.Content.Model;
using LabRunner.Content.Text;
using LabRunner.Engine.Steps;
using LabRunner.Engine.Targets;

namespace LabRunner.Cli.Reports;

/// <summary>
/// Everything a check report shows: the lab, the learner's variables, the target and each step's result, in lab order.
/// Every format prints the texts below, never the raw ones: they come from a lab or an endpoint, so each is
/// <see cref="VisibleText"/> (one line, no control or bidi character).
/// </summary>
public sealed record CheckReport(Lab Lab, IReadOnlyDictionary<string, string> Variables, TargetInfo Target, IReadOnlyList<StepResult> Results)
{
    public string LabId => VisibleText.Of(Lab.Id);

    public string LabTitle => VisibleText.Of(Lab.Title);

    public IEnumerable<ReportRow> Rows =>
        Results.Select(result => new ReportRow(VisibleText.Of(result.StepId), VisibleText.Of(result.Title), result.Status, VisibleText.Of(result.Reason), result.Percent, result.Optional));

    public IEnumerable<(string Name, string Value)> LearnerVariables =>
        Variables.Select(variable => (VisibleText.Of(variable.Key), VisibleText.Of(variable.Value)));

    public string TargetText => VisibleText.Of(Target.Description);

    /// <summary>The account and principal, visible-safe, or null where unknown (the sandbox, a stand-in).</summary>
    public string? AccountText => Target.AccountText is { } account ? VisibleText.Of(account) : null;

    /// <summary>How the steps add up; optional steps are counted apart and never hold back <see cref="StepTally.AllPassed"/>.</summary>
    public StepTally Tally => StepTally.Of(Results);

    /// <summary>Required steps LabRunner can check (manual and optional steps do not count).</summary>
    public int Total => Tally.Checked;

    public int Passed => Tally.Passed;

    public bool AllPassed => Tally.AllPassed;

    public string Summary => Tally.Summary;

    public string LearnerText => string.Join(" ", LearnerVariables.Select(variable => $"{variable.Name}={variable.Value}"));
}

/// <summary>One step of a report, its texts already visible.</summary>
/// <param name="Optional">An optional step: reports list it apart and it never fails the report.</param>
public sealed record ReportRow(string Id, string Title, StepStatus Status, string Reason, int? Percent, bool Optional);

public enum ReportFormat
{
    Text,
    Json,
    Junit,
    Markdown,
}

public static class ReportWriters
{
    public static void Write(ReportFormat format, CheckReport report, TextWriter output, bool color)
    {
        switch (format)
        {
            case ReportFormat.Json:
                JsonReport.Write(report, output);
                break;
            case ReportFormat.Junit:
                JunitReport.Write(report, output);
                break;
            case ReportFormat.Markdown:
                MarkdownReport.Write(report, output);
                break;
            default:
                TextReport.Write(report, output, color);
                break;
        }
    }
}
