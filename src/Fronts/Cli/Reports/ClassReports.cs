using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using CsvHelper;
using LabRunner.Content.Text;
using LabRunner.Engine.Class;
using LabRunner.Engine.Steps;
using LabRunner.Engine.Targets;
using LabRunner.Tui.Class;

namespace LabRunner.Cli.Reports;

public enum ClassFormat
{
    Table,
    Json,
    Csv,
    Markdown,
    Junit,
}

/// <summary>
/// A class board, printed once. Each learner's part is their own check report (<see cref="CheckReport"/>), written by
/// the same code as <c>labrunner check</c>, so a learner's JSON and JUnit here are what their check prints, with their
/// activity beside it (acknowledgements read from their cluster's tags, last activity, stuck).
/// </summary>
public static class ClassReports
{
    public static void Write(ClassFormat format, ClassBoard board, TargetInfo target, TextWriter output)
    {
        switch (format)
        {
            case ClassFormat.Json:
                WriteJson(board, target, output);
                break;
            case ClassFormat.Csv:
                WriteCsv(board, output);
                break;
            case ClassFormat.Markdown:
                WriteMarkdown(board, target, output);
                break;
            case ClassFormat.Junit:
                WriteJunit(board, target, output);
                break;
            default:
                WriteTable(board, target, output);
                break;
        }
    }

    /// <summary>The learner's own check report: on the class's target, or for a class read from passes, on the learner's as their pass names it.</summary>
    public static CheckReport LearnerReport(ClassBoard board, LearnerRow row, TargetInfo target) =>
        new(board.Lab, row.Learner.Learner.Variables, row.Pass?.Target ?? target, row.Results);

    /// <summary>
    /// <c>{"lab", "target", "read-only": true, "read-at", "requests", "steps": [{"id", "title", "passed"}],
    /// "learners": [{"key", "sources", "started", "acknowledged": {step: time}, "last-activity", "stuck", "check": {…as labrunner
    /// check --format json…}}], "failures"}</c>.
    /// </summary>
    private static void WriteJson(ClassBoard board, TargetInfo target, TextWriter output) => JsonReport.Print(output, json =>
    {
        json.WriteStartObject();
        json.WriteString("lab", VisibleText.Of(board.Lab.Id));
        JsonReport.WriteTarget(json, target);
        json.WriteBoolean("read-only", true);
        json.WriteString("read-at", board.ReadAt);
        json.WriteNumber("requests", board.Requests);
        json.WriteStartArray("steps");
        foreach (var (step, passed) in board.Steps.Zip(board.PassedPerStep))
        {
            json.WriteStartObject();
            json.WriteString("id", VisibleText.Of(step.Id));
            json.WriteString("title", VisibleText.Of(step.Title));
            json.WriteNumber("passed", passed);
            if (step.Optional)
                json.WriteBoolean("optional", true);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("learners");
        foreach (var row in board.Rows)
        {
            json.WriteStartObject();
            json.WriteString("key", VisibleText.Of(row.Learner.Key));
            json.WriteStartArray("sources");
            if (row.Learner.Sources.HasFlag(LearnerSources.Roster))
                json.WriteStringValue("roster");
            if (row.Learner.Sources.HasFlag(LearnerSources.Discovered))
                json.WriteStringValue("discovered");
            json.WriteEndArray();
            json.WriteBoolean("started", row.Started);
            json.WriteStartObject("acknowledged");
            foreach (var (step, at) in row.Activity.Acknowledged)
                json.WriteString(VisibleText.Of(step), at);
            json.WriteEndObject();
            if (row.Activity.LastActivity is { } last)
                json.WriteString("last-activity", last);
            else
                json.WriteNull("last-activity");
            json.WriteBoolean("stuck", row.Activity.Stuck);
            if (row.Pass is { } pass)
                WritePass(json, pass);
            json.WritePropertyName("check");
            JsonReport.WriteObject(json, LearnerReport(board, row, target));
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("failures");
        foreach (var (kind, failure) in board.Failures)
            json.WriteStringValue(VisibleText.Of($"{kind}: {failure.Message}"));
        json.WriteEndArray();
        json.WriteEndObject();
    });

    /// <summary><c>"pass": {"source", "status", "detail" (when refused), "expires"}</c>.</summary>
    private static void WritePass(Utf8JsonWriter json, LearnerPass pass)
    {
        json.WriteStartObject("pass");
        json.WriteString("source", VisibleText.Of(pass.Source));
        json.WriteString("status", pass.StatusText);
        if (pass.Problem is { } problem)
            json.WriteString("detail", VisibleText.Of(problem));
        json.WriteString("expires", pass.Expires);
        json.WriteEndObject();
    }

    /// <summary>A row per learner: learner, started, each step's status (with its percent when known; <c>acknowledged</c> for a manual step done), passed, total, then the optional steps done and their number when the board has optional steps, last activity (ISO 8601 UTC), stuck.</summary>
    private static void WriteCsv(ClassBoard board, TextWriter output)
    {
        using var csv = CsvWriter.Create(output, new CsvWriterOptions(), leaveOpen: true);
        var optional = board.Steps.Any(step => step.Optional);
        string[] optionalHeader = optional ? ["optional-passed", "optional-total"] : [];
        csv.WriteRecord([.. new[] { "learner", "started" }, .. board.Steps.Select(step => VisibleText.Of(step.Id)), "passed", "total", .. optionalHeader, "last-activity", "stuck"]);
        foreach (var row in board.Rows)
        {
            string[] optionalCounts = optional ? [Number(row.Tally.OptionalPassed), Number(row.Tally.Optional)] : [];
            csv.WriteRecord([VisibleText.Of(row.Learner.Key), row.Started ? "true" : "false", .. row.Results.Select(StatusWithPercent), Number(row.Passed), Number(row.Total),
                .. optionalCounts, LastActivityText(row), row.Activity.Stuck ? "true" : "false"]);
        }
    }

    private static void WriteTable(ClassBoard board, TargetInfo target, TextWriter output)
    {
        output.WriteLine($"{VisibleText.Of(board.Lab.Title)} ({VisibleText.Of(board.Lab.Id)}): class view, READ-ONLY");
        output.WriteLine($"  target   {VisibleText.Of(target.Description)}");
        if (target.AccountText is { } account)
            output.WriteLine($"  account  {VisibleText.Of(account)}");
        output.WriteLine($"  read at  {board.ReadAt:yyyy-MM-dd HH:mm:ss} UTC in {board.Requests} request{(board.Requests == 1 ? "" : "s")}, {board.Rows.Count} learner{(board.Rows.Count == 1 ? "" : "s")}");
        output.WriteLine();
        var grid = ClassGridModel.Of(board, "");
        foreach (var line in new[] { grid.Header, grid.Summary }.Concat(grid.Rows.Select(grid.CellsOf)))
            output.WriteLine(string.Concat(line.Select((cell, column) => " " + ClassGrid.Fit(VisibleText.Of(cell.Text), grid.Widths[column]))).TrimEnd());
        output.WriteLine();
        output.WriteLine($"  {VisibleText.Of(grid.StepLegend)}");
        output.WriteLine($"  {string.Join("  ", Enum.GetValues<StepStatus>().Select(status => $"{status.Glyph()} {status.WireName()}"))}");
        foreach (var row in board.Rows.Where(row => row.Pass?.Problem is not null))
            output.WriteLine(VisibleText.Of($"  {row.Learner.Key}: {row.Pass!.StatusText} pass ({row.Pass.Source}): {row.Pass.Problem}"));
    }

    private static void WriteMarkdown(ClassBoard board, TargetInfo target, TextWriter output)
    {
        var grid = ClassGridModel.Of(board, "");
        output.WriteLine($"### {MarkdownReport.Escape(board.Lab.Title)}: class view (read-only)");
        output.WriteLine();
        output.WriteLine($"{board.Rows.Count} learners on {MarkdownReport.Escape(target.Description)}, read at {board.ReadAt:yyyy-MM-dd HH:mm:ss} UTC in {board.Requests} requests");
        if (target.AccountText is { } account)
            output.WriteLine($"in account {MarkdownReport.Escape(account)}");
        output.WriteLine();
        output.WriteLine(MarkdownRow(grid.IdHeader.Select(cell => MarkdownReport.Escape(cell.Text))));
        output.WriteLine(MarkdownRow(grid.IdHeader.Select(_ => "---")));
        output.WriteLine(MarkdownRow(grid.Summary.Select(cell => cell.Text.Length == 0 ? "" : $"**{MarkdownReport.Escape(cell.Text)}**")));
        foreach (var row in grid.Rows)
            output.WriteLine(MarkdownRow(grid.CellsOf(row).Select(cell => MarkdownReport.Escape(cell.Text))));
    }

    /// <summary>One testsuite per learner, each exactly the suite their own <c>labrunner check --format junit</c> prints.</summary>
    private static void WriteJunit(ClassBoard board, TargetInfo target, TextWriter output)
    {
        var reports = board.Rows.Select(row => (row, report: LearnerReport(board, row, target))).ToList();
        JunitReport.Print(output, new XElement("testsuites",
            new XAttribute("name", VisibleText.Of($"labrunner class {board.Lab.Id}")),
            JunitReport.Counts(reports.SelectMany(item => item.report.Results).ToList()),
            reports.Select(item => WithActivity(JunitReport.Suite(item.report, VisibleText.Of($"{board.Lab.Id} {item.row.Learner.Key}")), item.row))));
    }

    /// <summary>The learner's check suite with two more properties: <c>last-activity</c> (ISO 8601 UTC, empty when unknown) and <c>stuck</c>.</summary>
    private static XElement WithActivity(XElement suite, LearnerRow row)
    {
        suite.Element("properties")!.Add(
            JunitReport.Property("last-activity", LastActivityText(row)),
            JunitReport.Property("stuck", row.Activity.Stuck ? "true" : "false"));
        return suite;
    }

    /// <summary>The learner's last activity, ISO 8601 UTC; empty when unknown.</summary>
    private static string LastActivityText(LearnerRow row) =>
        row.Activity.LastActivity?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "";

    private static string MarkdownRow(IEnumerable<string> escapedCells) => $"| {string.Join(" | ", escapedCells)} |";

    private static string StatusWithPercent(StepResult result) =>
        result.Percent is { } percent ? $"{result.Status.WireName()} {percent}%" : result.Status.WireName();

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
