using System.Text.Encodings.Web;
using System.Text.Json;
using LabRunner.Content.Text;
using LabRunner.Engine.Steps;
using LabRunner.Engine.Targets;

namespace LabRunner.Cli.Reports;

/// <summary><c>{"lab", "learner": {variables}, "target": {...}, "steps": [{"id", "title", "status", "detail", "percent", "optional"}], "passed", "total", "optional-passed", "optional-total"}</c>; percent only when known, optional only when true, the optional counts only when the lab has optional steps.</summary>
public static class JsonReport
{
    public static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(CheckReport report, TextWriter output) => Print(output, json => WriteObject(json, report));

    /// <summary>Writes what <paramref name="write"/> produces, indented, to <paramref name="output"/> as it is produced.</summary>
    public static void Print(TextWriter output, Action<Utf8JsonWriter> write)
    {
        var text = new TextBufferWriter(output);
        using (var json = new Utf8JsonWriter(text, Options))
            write(json);
        text.Complete();
        output.WriteLine();
    }

    /// <summary>One learner's report as a JSON object (the class report embeds it unchanged).</summary>
    public static void WriteObject(Utf8JsonWriter json, CheckReport report)
    {
        json.WriteStartObject();
        json.WriteString("lab", report.LabId);
        json.WriteStartObject("learner");
        foreach (var (name, value) in report.LearnerVariables)
            json.WriteString(name, value);
        json.WriteEndObject();
        WriteTarget(json, report.Target);
        json.WriteStartArray("steps");
        foreach (var row in report.Rows)
        {
            json.WriteStartObject();
            json.WriteString("id", row.Id);
            json.WriteString("title", row.Title);
            json.WriteString("status", row.Status.WireName());
            json.WriteString("detail", row.Reason);
            if (row.Percent is { } percent)
                json.WriteNumber("percent", percent);
            if (row.Optional)
                json.WriteBoolean("optional", true);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        var tally = report.Tally;
        json.WriteNumber("passed", tally.Passed);
        json.WriteNumber("total", tally.Checked);
        if (tally.Optional > 0)
        {
            json.WriteNumber("optional-passed", tally.OptionalPassed);
            json.WriteNumber("optional-total", tally.Optional);
        }
        json.WriteEndObject();
    }

    /// <summary>
    /// <c>"target": {"kind", "endpoint", "region", "profile", "account", "arn"}</c>, each of the last four only when known;
    /// the built-in sandbox has no endpoint, as its address dies with the run.
    /// </summary>
    public static void WriteTarget(Utf8JsonWriter json, TargetInfo target)
    {
        json.WriteStartObject("target");
        json.WriteString("kind", target.KindName);
        if (target.Kind != TargetKind.Sandbox)
            json.WriteString("endpoint", VisibleText.Of(target.Endpoint.ToString()));
        WriteIfSet(json, "region", target.Region);
        WriteIfSet(json, "profile", target.Profile);
        WriteIfSet(json, "account", target.Identity?.Account);
        WriteIfSet(json, "arn", target.Identity?.Arn);
        json.WriteEndObject();
    }

    private static void WriteIfSet(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
            json.WriteString(name, VisibleText.Of(value));
    }
}
