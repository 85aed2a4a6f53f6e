using System.Text.Json;
using System.Text.Json.Serialization;
using LabRunner.Content.Text;
using LabRunner.Engine.Preflight;

namespace LabRunner.Cli.Reports;

public enum DoctorFormat
{
    Text,
    Json,
}

/// <summary>
/// <c>labrunner doctor --format json</c>: <c>{"lab", "learner", "status", "checks": [{"subject", "status", "text"}],
/// "api-actions": [{"purpose", "actions"}]}</c>, statuses <c>ok</c>, <c>warning</c>, <c>problem</c>, <c>target-problem</c>;
/// every text made visible-safe. Serialized by System.Text.Json's source generator.
/// </summary>
public sealed record DoctorDocument(string Lab, string Learner, string Status, IReadOnlyList<DoctorCheck> Checks, IReadOnlyList<DoctorActions> ApiActions)
{
    public static DoctorDocument Of(PreflightReport report, string labId, string learner) => new(
        VisibleText.Of(labId),
        VisibleText.Of(learner),
        WireName(report.Worst),
        report.Checks.Select(check => new DoctorCheck(VisibleText.Of(check.Subject), WireName(check.Status), VisibleText.Of(check.Text))).ToList(),
        report.ApiActions.Select(group => new DoctorActions(group.Purpose, group.Actions)).ToList());

    public void Write(TextWriter output) => output.WriteLine(JsonSerializer.Serialize(this, DoctorJson.Default.DoctorDocument));

    private static string WireName(PreflightStatus status) => status switch
    {
        PreflightStatus.TargetProblem => "target-problem",
        _ => status.ToString().ToLowerInvariant(),
    };
}

public sealed record DoctorCheck(string Subject, string Status, string Text);

public sealed record DoctorActions(string Purpose, IReadOnlyList<string> Actions);

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.KebabCaseLower)]
[JsonSerializable(typeof(DoctorDocument))]
internal sealed partial class DoctorJson : JsonSerializerContext;
