using System.Globalization;
using System.Xml.Linq;
using LabRunner.Content.Text;
using LabRunner.Engine.Steps;

namespace LabRunner.Cli.Reports;

/// <summary>One testcase per step for CI dashboards: failed and in-progress steps are failures, errors are errors, manual steps and optional steps not passed are skipped.</summary>
public static class JunitReport
{
    public static void Write(CheckReport report, TextWriter output) =>
        Print(output, new XElement("testsuites", new XAttribute("name", "labrunner check"), Counts(report.Results), Suite(report, report.LabId)));

    public static void Print(TextWriter output, XElement testSuites)
    {
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null), testSuites);
        output.WriteLine(document.Declaration);
        output.WriteLine(document.Root);
    }

    /// <summary>One learner's testsuite: their variables and the target as properties, a testcase per step.</summary>
    /// <param name="name">The suite's name, already visible (<see cref="VisibleText"/>).</param>
    public static XElement Suite(CheckReport report, string name) =>
        new("testsuite",
            new XAttribute("name", name),
            Counts(report.Results),
            new XElement("properties",
                report.LearnerVariables.Select(variable => Property($"learner.{variable.Name}", variable.Value)).Append(Property("target", report.TargetText))),
            report.Rows.Select(row => TestCase(report.LabId, row)));

    private static XElement TestCase(string labId, ReportRow row)
    {
        var testCase = new XElement("testcase", new XAttribute("classname", labId), new XAttribute("name", $"{row.Id}: {row.Title}"));
        var outcome = row.Optional && row.Status != StepStatus.Passed
            ? new XElement("skipped", new XAttribute("message", $"optional, {row.Status.WireName()}: {row.Reason}"))
            : row.Status switch
            {
                StepStatus.Failed or StepStatus.InProgress or StepStatus.NotChecked => new XElement("failure", new XAttribute("type", row.Status.WireName()), new XAttribute("message", row.Reason)),
                StepStatus.Error => new XElement("error", new XAttribute("type", "error"), new XAttribute("message", row.Reason)),
                StepStatus.Manual or StepStatus.Acknowledged => new XElement("skipped", new XAttribute("message", $"{row.Status.WireName()}: {row.Reason}")),
                _ => new XElement("system-out", row.Reason),
            };
        testCase.Add(outcome);
        return testCase;
    }

    public static IEnumerable<XAttribute> Counts(IReadOnlyList<StepResult> results) =>
    [
        new("tests", Count(results, _ => true)),
        new("failures", Count(results, result => !result.Optional && result.Status is StepStatus.Failed or StepStatus.InProgress or StepStatus.NotChecked)),
        new("errors", Count(results, result => !result.Optional && result.Status == StepStatus.Error)),
        new("skipped", Count(results, result => result.Status.IsManual() || (result.Optional && result.Status != StepStatus.Passed))),
    ];

    private static string Count(IReadOnlyList<StepResult> results, Func<StepResult, bool> which) =>
        results.Count(which).ToString(CultureInfo.InvariantCulture);

    public static XElement Property(string name, string value) => new("property", new XAttribute("name", name), new XAttribute("value", value));
}
