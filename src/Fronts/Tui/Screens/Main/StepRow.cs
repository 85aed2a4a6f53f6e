using LabRunner.Content.Model;
using LabRunner.Engine.Plans;

namespace LabRunner.Tui.Screens.Main;

/// <summary>A line of the step list: a section heading, or a step with its number in the lab.</summary>
public sealed record StepRow(Section? Heading, StepPlan? Step, int Number)
{
    public bool IsStep => Step is not null;

    public static IReadOnlyList<StepRow> For(LabPlan plan)
    {
        var rows = new List<StepRow>();
        var number = 0;
        foreach (var section in plan.Lab.Sections)
        {
            rows.Add(new StepRow(section, null, 0));
            rows.AddRange(section.Steps.Select(step => new StepRow(null, plan.Step(step.Id), ++number)));
        }
        return rows;
    }
}
