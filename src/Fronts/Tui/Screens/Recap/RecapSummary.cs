using LabRunner.Engine.Sessions;
using LabRunner.Engine.Steps;
using LabRunner.Tui.Screens.Main;

namespace LabRunner.Tui.Screens.Recap;

/// <summary>What the recap says about the run: steps passed, time taken, resources created and how to clean them up.</summary>
public sealed record RecapSummary(int Passed, int Checked, int Acknowledged, int Manual, DateTimeOffset Started, DateTimeOffset? Finished, IReadOnlyList<string> Created)
{
    public static RecapSummary Of(LabSession session)
    {
        var results = session.Results;
        return new RecapSummary(
            results.Count(result => result.Status == StepStatus.Passed),
            results.Count(result => !result.Status.IsManual()),
            results.Count(result => result.Status == StepStatus.Acknowledged),
            results.Count(result => result.Status.IsManual()),
            session.StartedAt,
            session.FinishedAt,
            session.CreatedForLearner);
    }

    private static string Steps(int count, string what) => count == 1 ? $"1 {what}" : $"{count} {what}s";

    public IReadOnlyList<string> Lines()
    {
        var lines = new List<string>
        {
            $"{StepStatus.Passed.Glyph()} {Passed} of {Steps(Checked, "checked step")} passed" + (Manual == 0 ? "." : $", {Acknowledged} of {Steps(Manual, "step")} you do yourself done."),
            Finished is { } finished
                ? $"Time taken: {StepText.Duration(finished - Started)} (from {Started:HH:mm} to {finished:HH:mm} UTC)."
                : $"Started at {Started:yyyy-MM-dd HH:mm} UTC; not every step is done yet.",
        };
        if (Created.Count > 0)
        {
            lines.Add($"Created for you: {string.Join(", ", Created)}.");
            lines.Add($"When you no longer need {(Created.Count == 1 ? "it" : "them")}, press x to clean up.");
        }
        return lines;
    }
}
