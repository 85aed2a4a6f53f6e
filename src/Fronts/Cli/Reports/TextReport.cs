using LabRunner.Engine.Steps;

namespace LabRunner.Cli.Reports;

/// <summary>A table for people: a glyph, the step, its status and the reason. Colour only when asked (a terminal without NO_COLOR).</summary>
public static class TextReport
{
    public static void Write(CheckReport report, TextWriter output, bool color)
    {
        output.WriteLine($"{report.LabTitle} ({report.LabId})");
        output.WriteLine($"  learner  {report.LearnerText}");
        output.WriteLine($"  target   {report.TargetText}");
        if (report.AccountText is { } account)
            output.WriteLine($"  account  {account}");
        output.WriteLine();
        var rows = report.Rows.ToList();
        var idWidth = rows.Max(row => row.Id.Length);
        var statusWidth = rows.Max(row => StatusText(row).Length);
        foreach (var row in rows)
        {
            var mark = $"{row.Status.Glyph()} {row.Id.PadRight(idWidth)}  {StatusText(row).PadRight(statusWidth)}";
            output.WriteLine($"  {Paint(mark, row.Status, color)}  {row.Reason}");
        }
        output.WriteLine();
        output.WriteLine($"{report.Summary}.");
    }

    private static string StatusText(ReportRow row) =>
        row.Percent is { } percent ? $"{row.Status.WireName()} {percent} %" : row.Status.WireName();

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
