using LabRunner.Engine.Sessions;
using LabRunner.Engine.Steps;
using LabRunner.Tui.Screens.Main;

namespace LabRunner.Tui.Screens.Recap;

/// <summary>What the recap says about the run: steps passed, time taken, resources created and how to clean them up.</summary>
public sealed record RecapSummary(StepTally Tally, DateTimeOffset Started, DateTimeOffset? Finished, IReadOnlyList<string> Created)
{
    public static RecapSummary Of(LabSession session) =>
        new(StepTally.Of(session.Results), session.StartedAt, session.FinishedAt, session.CreatedForLearner);

    private static string Steps(int count, string what) => count == 1 ? $"1 {what}" : $"{count} {what}s";

    /// <summary>The summary's lines, each wrapped to <paramref name="width"/> columns so none is cut.</summary>
    public IReadOnlyList<string> Lines(int width) => Sentences().SelectMany(sentence => StepText.Wrap(sentence, width)).ToList();

    /// <summary>One line each: steps passed, time, the optional steps when the lab has any, what was created and how to clean it up.</summary>
    private List<string> Sentences()
    {
        var lines = new List<string>
        {
            $"{StepStatus.Passed.Glyph()} {Tally.Passed} of {Steps(Tally.Checked, "checked step")} passed" + (Tally.Manual == 0 ? "." : $", {Tally.Acknowledged} of {Steps(Tally.Manual, "step")} you do yourself done."),
            Finished is { } finished
                ? $"Time taken: {StepText.Duration(finished - Started)} (from {Started:HH:mm} to {finished:HH:mm} UTC)."
                : $"Started at {Started:yyyy-MM-dd HH:mm} UTC; not every step is done yet.",
        };
        if (Tally.Optional > 0)
            lines.Add($"Optional: {Tally.OptionalPassed} of {Steps(Tally.Optional, "step")} done{(Tally.OptionalPassed < Tally.Optional ? "; b: back to the steps to try them" : "")}.");
        if (Created.Count > 0)
            lines.Add($"Created for you: {string.Join(", ", Created)}; x cleans {(Created.Count == 1 ? "it" : "them")} up.");
        return lines;
    }
}
