using LabRunner.Engine.Steps;

namespace LabRunner.Cli.Reports;

/// <summary>A CI step summary: a heading with the tally, the learner and target, and a table of steps.</summary>
public static class MarkdownReport
{
    public static void Write(CheckReport report, TextWriter output)
    {
        output.WriteLine($"### {Escape(report.Lab.Title)}: {report.Summary}");
        output.WriteLine();
        output.WriteLine($"Learner `{report.LearnerText}` on {Escape(report.Target.Description)}");
        output.WriteLine();
        output.WriteLine("| | Step | Status | Detail |");
        output.WriteLine("|---|---|---|---|");
        foreach (var (step, result) in report.Rows)
        {
            var status = result.Percent is { } percent ? $"{result.Status.WireName()} ({percent} %)" : result.Status.WireName();
            output.WriteLine($"| {result.Status.Glyph()} | {Escape(step.Title)} (`{step.Id}`) | {status} | {Escape(result.Reason)} |");
        }
    }

    /// <summary>Keeps a value inside its table cell and out of Markdown syntax.</summary>
    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("\n", " ", StringComparison.Ordinal)
            .Replace("*", "\\*", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
}
