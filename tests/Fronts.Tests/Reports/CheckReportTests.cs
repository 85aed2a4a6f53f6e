using System.Text.Json;
using System.Xml.Linq;
using LabRunner.Cli.Reports;
using LabRunner.Content.Model;
using LabRunner.Engine.Steps;
using LabRunner.Engine.Targets;
using LabRunner.TestSupport;

namespace LabRunner.Fronts.Tests.Reports;

public class CheckReportTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private static readonly Lab Aurora = TestLabs.Aurora();

    private static CheckReport Report() => new(
        Aurora,
        new Dictionary<string, string> { ["yourname"] = "alice", ["backup_window"] = "05:00-05:45" },
        new TargetInfo(TargetKind.Sandbox, new Uri("http://127.0.0.1:40123/"), "us-east-1"),
        Titled([
            new StepResult("find-cluster", StepStatus.Passed, "cluster aurora-alice-cluster is available, writer aurora-alice-instance-1", At: At),
            new StepResult("take-snapshot", StepStatus.Failed, "snapshot aurora-alice-snap1 belongs to aurora-bob-cluster, expected aurora-alice-cluster", At: At),
            new StepResult("snapshot-available", StepStatus.InProgress, "snapshot aurora-alice-snap1 is being created (45 % done); waiting for it to be available", 45, Settled: false, At),
            new StepResult("snapshot-actions", StepStatus.Manual, "a step you do yourself; LabRunner cannot check it"),
            new StepResult("modify-backup-window", StepStatus.Error, "could not read DB clusters: throttled | retry", At: At),
        ]));

    /// <summary>Each result with its step's title, as the engine publishes them.</summary>
    private static List<StepResult> Titled(IReadOnlyList<StepResult> results) =>
        results.Select(result => result with { Title = Aurora.Steps.Single(step => step.Id == result.StepId).Title }).ToList();

    private static string Render(ReportFormat format, bool color = false)
    {
        var output = new StringWriter();
        ReportWriters.Write(format, Report(), output, color);
        return output.ToString();
    }

    [Fact]
    public void Json_has_exactly_the_documented_shape()
    {
        using var json = JsonDocument.Parse(Render(ReportFormat.Json));
        var root = json.RootElement;

        Assert.Equal(["lab", "learner", "target", "steps", "passed", "total"], root.EnumerateObject().Select(property => property.Name));
        Assert.Equal("aurora-test", root.GetProperty("lab").GetString());
        Assert.Equal("alice", root.GetProperty("learner").GetProperty("yourname").GetString());
        Assert.Equal("sandbox", root.GetProperty("target").GetProperty("kind").GetString());
        Assert.Equal(["kind", "region"], root.GetProperty("target").EnumerateObject().Select(property => property.Name)); // the sandbox's address dies with the run
        Assert.Equal(1, root.GetProperty("passed").GetInt32());
        Assert.Equal(4, root.GetProperty("total").GetInt32());
        var steps = root.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(["id", "title", "status", "detail"], steps[0].EnumerateObject().Select(property => property.Name));
        Assert.Equal(["id", "title", "status", "detail", "percent"], steps[2].EnumerateObject().Select(property => property.Name));
        Assert.Equal(["passed", "failed", "in-progress", "manual", "error"], steps.Select(step => step.GetProperty("status").GetString()));
        Assert.Equal(45, steps[2].GetProperty("percent").GetInt32());
        Assert.Equal("snapshot aurora-alice-snap1 belongs to aurora-bob-cluster, expected aurora-alice-cluster", steps[1].GetProperty("detail").GetString());
    }

    [Fact]
    public void Junit_has_one_testcase_per_step_with_failures_errors_and_skips()
    {
        var document = XDocument.Parse(Render(ReportFormat.Junit));
        var suite = document.Root!.Element("testsuite")!;

        Assert.Equal(["5", "2", "1", "1"], new[] { "tests", "failures", "errors", "skipped" }.Select(name => suite.Attribute(name)!.Value));
        var cases = suite.Elements("testcase").ToList();
        Assert.Equal("find-cluster: find-cluster", cases[0].Attribute("name")!.Value);
        Assert.Equal("system-out", cases[0].Elements().Single().Name.LocalName);
        Assert.Equal("snapshot aurora-alice-snap1 belongs to aurora-bob-cluster, expected aurora-alice-cluster", cases[1].Element("failure")!.Attribute("message")!.Value);
        Assert.Equal("in-progress", cases[2].Element("failure")!.Attribute("type")!.Value);
        Assert.NotNull(cases[3].Element("skipped"));
        Assert.NotNull(cases[4].Element("error"));
    }

    [Fact]
    public void Text_is_a_table_with_glyphs_and_reasons_and_names_the_target()
    {
        var lines = Render(ReportFormat.Text).Split(Environment.NewLine);

        Assert.Equal("aurora-test", lines[0].Split(' ')[^1].Trim('(', ')'));
        Assert.Equal("  learner  yourname=alice backup_window=05:00-05:45", lines[1]);
        Assert.Equal("  target   SANDBOX (local practice, built into LabRunner)", lines[2]);
        Assert.Equal("  ✓ find-cluster          passed            cluster aurora-alice-cluster is available, writer aurora-alice-instance-1", lines[4]);
        Assert.Equal("  ◐ snapshot-available    in-progress 45 %  snapshot aurora-alice-snap1 is being created (45 % done); waiting for it to be available", lines[6]);
        Assert.Equal("1 of 4 checked steps passed.", lines[^2]);
        Assert.DoesNotContain('\u001b', string.Join("", lines));
    }

    [Fact]
    public void Text_in_colour_paints_the_status_columns()
    {
        Assert.Contains("\u001b[32m✓ find-cluster", Render(ReportFormat.Text, color: true));
    }

    [Fact]
    public void Markdown_is_a_table_whose_cells_cannot_break()
    {
        var markdown = Render(ReportFormat.Markdown);

        Assert.StartsWith("### Aurora test: 1 of 4 checked steps passed", markdown);
        Assert.Contains("| ✗ | take-snapshot (`take-snapshot`) | failed | snapshot aurora-alice-snap1 belongs to aurora-bob-cluster, expected aurora-alice-cluster |", markdown);
        Assert.Contains("| ! | modify-backup-window (`modify-backup-window`) | error | could not read DB clusters: throttled \\| retry |", markdown);
        Assert.Contains("| ◐ | snapshot-available (`snapshot-available`) | in-progress (45 %) |", markdown);
    }
}
