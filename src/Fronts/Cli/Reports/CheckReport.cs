using LabRunner.Content.Model;
using LabRunner.Engine.Steps;
using LabRunner.Engine.Targets;

namespace LabRunner.Cli.Reports;

/// <summary>Everything a check report shows: the lab, the learner's variables, the target and each step's result, in lab order.</summary>
public sealed record CheckReport(Lab Lab, IReadOnlyDictionary<string, string> Variables, TargetInfo Target, IReadOnlyList<StepResult> Results)
{
    public IEnumerable<(Step Step, StepResult Result)> Rows => Lab.Steps.Zip(Results);

    /// <summary>Steps LabRunner can check (manual steps do not count).</summary>
    public int Total => Results.Count(result => !result.Status.IsManual());

    public int Passed => Results.Count(result => result.Status == StepStatus.Passed);

    public bool AllPassed => Passed == Total;

    public string Summary => $"{Passed} of {Total} checked steps passed";

    public string LearnerText => string.Join(" ", Variables.Select(variable => $"{variable.Key}={variable.Value}"));
}

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
