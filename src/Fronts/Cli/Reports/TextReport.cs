using LabRunner.Engine.Steps;

namespace LabRunner.Cli.Reports;

/// <summary>A table for people: a glyph, the step, its status and the reason, optional steps under a heading of their own. Colour only when asked (a terminal without NO_COLOR).</summary>
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
        foreach (var row in rows.Where(row => !row.Optional))
            WriteRow(output, row, idWidth, statusWidth, color);
        if (rows.Any(row => row.Optional))
        {
            output.WriteLine();
            output.WriteLine("  optional (never holds back completion):");
            foreach (var row in rows.Where(row => row.Optional))
                WriteRow(output, row, idWidth, statusWidth, color);
        }
        output.WriteLine();
        output.WriteLine($"{report.Summary}.");
    }

    private static void WriteRow(TextWriter output, ReportRow row, int idWidth, int statusWidth, bool color)
    {
        var mark = $"{row.Status.Glyph()} {row.Id.PadRight(idWidth)}  {StatusText(row).PadRight(statusWidth)}";
        output.WriteLine($"  {Paint(mark, row.Status, color)}  {row.Reason}");
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
