using System.Text.RegularExpressions;
using LabRunner.Content.Text;
using LabRunner.Engine.Steps;

namespace LabRunner.Cli.Reports;

/// <summary>A CI step summary: a heading with the tally, the learner and target, and a table of steps.</summary>
public static partial class MarkdownReport
{
    public static void Write(CheckReport report, TextWriter output)
    {
        output.WriteLine($"### {Escape(report.LabTitle)}: {report.Summary}");
        output.WriteLine();
        output.WriteLine($"Learner {Code(report.LearnerText)} on {Escape(report.TargetText)}");
        if (report.Target.AccountText is { } account)
            output.WriteLine($"in account {Escape(account)}");
        output.WriteLine();
        output.WriteLine("| | Step | Status | Detail |");
        output.WriteLine("|---|---|---|---|");
        foreach (var row in report.Rows)
        {
            var status = row.Percent is { } percent ? $"{row.Status.WireName()} ({percent} %)" : row.Status.WireName();
            var optional = row.Optional ? " *(optional)*" : "";
            output.WriteLine($"| {row.Status.Glyph()} | {Escape(row.Title)} ({Code(row.Id)}){optional} | {status} | {Escape(row.Reason)} |");
        }
    }

    /// <summary>Keeps a value visible (<see cref="VisibleText"/>), inside its table cell, and out of Markdown and HTML syntax.</summary>
    public static string Escape(string text) =>
        MarkdownSyntax().Replace(VisibleText.Of(text), @"\$0");

    /// <summary>A code span that stays in its cell: pipes escaped (tables split cells first), fenced by a longer run of backticks than any it holds.</summary>
    private static string Code(string text)
    {
        var cell = VisibleText.Of(text).Replace("|", "\\|", StringComparison.Ordinal);
        var longestRun = Backticks().Matches(cell).Select(run => run.Length).DefaultIfEmpty(0).Max();
        var fence = new string('`', longestRun + 1);
        return longestRun == 0 ? $"{fence}{cell}{fence}" : $"{fence} {cell} {fence}";
    }

    [GeneratedRegex(@"[\\|*_`<>\[\]]")]
    private static partial Regex MarkdownSyntax();

    [GeneratedRegex("`+")]
    private static partial Regex Backticks();
}
