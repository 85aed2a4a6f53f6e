using System.Globalization;
using System.Xml.Linq;
using LabRunner.Engine.Steps;

namespace LabRunner.Cli.Reports;

/// <summary>One testcase per step for CI dashboards: failed and in-progress steps are failures, errors are errors, manual steps are skipped.</summary>
public static class JunitReport
{
    public static void Write(CheckReport report, TextWriter output)
    {
        var cases = report.Rows.Select(row => TestCase(report, row.Step.Id, row.Step.Title, row.Result)).ToList();
        var suite = new XElement("testsuite",
            new XAttribute("name", report.Lab.Id),
            Counts(report.Results),
            new XElement("properties",
                report.Variables.Select(variable => Property($"learner.{variable.Key}", variable.Value)).Append(Property("target", report.Target.Description))),
            cases);
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement("testsuites", new XAttribute("name", "labrunner check"), Counts(report.Results), suite));
        output.WriteLine(document.Declaration);
        output.WriteLine(document.Root);
    }

    private static XElement TestCase(CheckReport report, string id, string title, StepResult result)
    {
        var testCase = new XElement("testcase", new XAttribute("classname", report.Lab.Id), new XAttribute("name", $"{id}: {title}"));
        var outcome = result.Status switch
        {
            StepStatus.Failed or StepStatus.InProgress or StepStatus.NotChecked => new XElement("failure", new XAttribute("type", result.Status.WireName()), new XAttribute("message", result.Reason)),
            StepStatus.Error => new XElement("error", new XAttribute("type", "error"), new XAttribute("message", result.Reason)),
            StepStatus.Manual or StepStatus.Acknowledged => new XElement("skipped", new XAttribute("message", $"{result.Status.WireName()}: {result.Reason}")),
            _ => new XElement("system-out", result.Reason),
        };
        testCase.Add(outcome);
        return testCase;
    }

    private static IEnumerable<XAttribute> Counts(IReadOnlyList<StepResult> results) =>
    [
        new("tests", Count(results, _ => true)),
        new("failures", Count(results, result => result.Status is StepStatus.Failed or StepStatus.InProgress or StepStatus.NotChecked)),
        new("errors", Count(results, result => result.Status == StepStatus.Error)),
        new("skipped", Count(results, result => result.Status.IsManual())),
    ];

    private static string Count(IReadOnlyList<StepResult> results, Func<StepResult, bool> which) =>
        results.Count(which).ToString(CultureInfo.InvariantCulture);

    private static XElement Property(string name, string value) => new("property", new XAttribute("name", name), new XAttribute("value", value));
}
