using LabRunner.Content.Model;
using LabRunner.Engine.Progress;
using LabRunner.Engine.Steps;

namespace LabRunner.Tui.Labs;

/// <summary>How far the most recent learner of a lab got on a target, for the picker's progress bar.</summary>
public sealed record LabStanding(string Learner, int Done, int Total)
{
    public double Fraction => Total == 0 ? 0 : (double)Done / Total;

    /// <summary>The most recently updated progress of <paramref name="lab"/> in <paramref name="store"/> on a target; null when nobody started it.</summary>
    public static LabStanding? Latest(ProgressStore store, Lab lab, string targetKey)
    {
        var latest = store.List(lab.Id, targetKey).FirstOrDefault();
        if (latest is null)
            return null;
        // Optional steps are extras: the bar shows how far the lab itself is done.
        var required = lab.RequiredSteps.ToList();
        var done = required.Count(step => latest.Steps.GetValueOrDefault(step.Id)?.Status is { } status
            && StepStatusNames.FromWireName(status) is StepStatus.Passed or StepStatus.Acknowledged);
        var learner = latest.Variables.Values.FirstOrDefault() ?? latest.Learner;
        return new LabStanding(learner, done, required.Count);
    }

    /// <summary>A text bar of <paramref name="cells"/> cells: "██████░░░░".</summary>
    public string Bar(int cells)
    {
        var full = (int)Math.Round(Fraction * cells);
        return new string('█', full) + new string('░', cells - full);
    }
}
