using LabRunner.Engine.Steps;

namespace LabRunner.Cli.Reports;

/// <summary>A table for people: a glyph, the step, its status and the reason. Colour only when asked (a terminal without NO_COLOR).</summary>
public static class TextReport
{
    public static void Write(CheckReport report, TextWriter output, bool color)
    {
        output.WriteLine($"{report.Lab.Title} ({report.Lab.Id})");
        output.WriteLine($"  learner  {report.LearnerText}");
        output.WriteLine($"  target   {report.Target.Description}");
        output.WriteLine();
        var idWidth = report.Rows.Max(row => row.Step.Id.Length);
        var statusWidth = report.Results.Max(result => StatusText(result).Length);
        foreach (var (step, result) in report.Rows)
        {
            var mark = $"{result.Status.Glyph()} {step.Id.PadRight(idWidth)}  {StatusText(result).PadRight(statusWidth)}";
            output.WriteLine($"  {Paint(mark, result.Status, color)}  {result.Reason}");
        }
        output.WriteLine();
        output.WriteLine($"{report.Summary}.");
    }

    private static string StatusText(StepResult result) =>
        result.Percent is { } percent ? $"{result.Status.WireName()} {percent} %" : result.Status.WireName();

    private static string Paint(string text, StepStatus status, bool color)
    {
        if (!color)
            return text;
        var code = status switch
        {
            StepStatus.Passed => "32",
            StepStatus.Failed => "31",
            StepStatus.InProgress => "33",
            StepStatus.Error => "35",
            _ => "36",
        };
        return $"\u001b[{code}m{text}\u001b[0m";
    }
}
