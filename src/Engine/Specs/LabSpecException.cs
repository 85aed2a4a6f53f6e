using LabRunner.Content.Model;

namespace LabRunner.Engine.Specs;

/// <summary>A check or action spec that cannot be used for this learner: reported with its place in lab.yaml, before any API call.</summary>
public sealed class LabSpecException(SourceSpan location, string problem) : Exception($"{location}: {problem}")
{
    public SourceSpan Location { get; } = location;

    public string Problem { get; } = problem;
}
