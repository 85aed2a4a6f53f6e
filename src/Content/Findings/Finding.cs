using LabRunner.Content.Model;

namespace LabRunner.Content.Findings;

public enum Severity
{
    Warning,
    Error,
}

/// <summary>One problem in a lab, located in the file a person has to edit.</summary>
public sealed record Finding(FindingCode Code, string Message, SourceSpan Location)
{
    public Severity Severity => Code.Severity;

    public bool IsError => Severity == Severity.Error;

    /// <summary><c>path:line:col: error|warning CODE: message</c>, the form editors and CI logs understand.</summary>
    public override string ToString() =>
        $"{Location}: {(IsError ? "error" : "warning")} {Code.Id}: {Message}";
}
