using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using LabRunner.Engine.Steps;

namespace LabRunner.Cli.Reports;

/// <summary><c>{"lab", "learner": {variables}, "target": {...}, "steps": [{"id", "title", "status", "detail", "percent"}], "passed", "total"}</c>; percent only when known.</summary>
public static class JsonReport
{
    public static void Write(CheckReport report, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("lab", report.Lab.Id);
            json.WriteStartObject("learner");
            foreach (var (name, value) in report.Variables)
                json.WriteString(name, value);
            json.WriteEndObject();
            json.WriteStartObject("target");
            json.WriteString("kind", report.Target.Kind.ToString().ToLowerInvariant());
            json.WriteString("endpoint", report.Target.Endpoint.ToString());
            WriteIfSet(json, "region", report.Target.Region);
            WriteIfSet(json, "profile", report.Target.Profile);
            json.WriteEndObject();
            json.WriteStartArray("steps");
            foreach (var (step, result) in report.Rows)
            {
                json.WriteStartObject();
                json.WriteString("id", step.Id);
                json.WriteString("title", step.Title);
                json.WriteString("status", result.Status.WireName());
                json.WriteString("detail", result.Reason);
                if (result.Percent is { } percent)
                    json.WriteNumber("percent", percent);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteNumber("passed", report.Passed);
            json.WriteNumber("total", report.Total);
            json.WriteEndObject();
        }
        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteIfSet(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
            json.WriteString(name, value);
    }
}
