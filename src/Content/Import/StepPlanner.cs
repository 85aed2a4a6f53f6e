using System.Text;

namespace LabRunner.Content.Import;

public sealed record PlannedSection(string Title, IReadOnlyList<PlannedStep> Steps);

/// <param name="Page">The step's Markdown page: its title, then its instructions (numbered from 1) with what follows each.</param>
/// <param name="Instructions">The numbers of the page's instructions the step covers, within its section.</param>
public sealed record PlannedStep(string Id, string Title, string Page, StepSuggestion? Suggestion, IReadOnlyList<int> Instructions);

/// <summary>
/// Groups a section's instructions into steps: a step ends at an instruction that says something checkable (the last
/// one in the section reading as that suggestion, plus any bare confirmation click after it); what is left at the end
/// is a step the learner marks done. Each suggestion ends a step once per lab: finding the cluster again in a later
/// section is part of that section's step.
/// </summary>
public static class StepPlanner
{
    private const int MaxTitleLength = 60;

    public static IReadOnlyList<PlannedSection> Plan(WorkshopPage page, PageNames names)
    {
        var usedRules = new HashSet<string>();
        var ids = new HashSet<string> { LabImporter.RecapId };
        return [.. page.Sections.Select(section => new PlannedSection(section.Title, PlanSection(section, names, usedRules, ids)))];
    }

    private static List<PlannedStep> PlanSection(WorkshopSection section, PageNames names, HashSet<string> usedRules, HashSet<string> ids)
    {
        if (section.Instructions.Count == 0)
            return [Step(section.Title, section.Intro, [], null, ids)];
        var ends = StepEnds(section, names, usedRules);
        var steps = new List<PlannedStep>();
        var start = 0;
        foreach (var (end, suggestion) in ends.Append((section.Instructions.Count - 1, null)))
        {
            if (end < start)
                continue;
            var instructions = section.Instructions.Skip(start).Take(end - start + 1).ToList();
            var title = suggestion?.Title ?? TitleOf(instructions[0].Text);
            steps.Add(Step(title, PageBody(start == 0 ? section.Intro : "", instructions), instructions.Select(i => i.Number).ToList(), suggestion, ids));
            start = end + 1;
        }
        return steps;
    }

    /// <summary>Where the section's checkable steps end (instruction indexes), in order, each with its suggestion.</summary>
    private static List<(int End, StepSuggestion? Suggestion)> StepEnds(WorkshopSection section, PageNames names, HashSet<string> usedRules)
    {
        var lastByRule = new Dictionary<string, (int Index, StepSuggestion Suggestion)>();
        for (var index = 0; index < section.Instructions.Count; index++)
        {
            if (StepSuggestions.For(section.Instructions[index], section, names) is { } suggestion && !usedRules.Contains(suggestion.Rule))
                lastByRule[suggestion.Rule] = (index, suggestion);
        }
        var ends = new List<(int End, StepSuggestion? Suggestion)>();
        foreach (var (index, suggestion) in lastByRule.Values.OrderBy(entry => entry.Index))
        {
            var end = index;
            while (end + 1 < section.Instructions.Count && !lastByRule.Values.Any(entry => entry.Index == end + 1)
                   && StepSuggestions.IsConfirmation(section.Instructions[end + 1]))
                end++;
            ends.Add((end, suggestion));
            usedRules.Add(suggestion.Rule);
        }
        return ends;
    }

    private static PlannedStep Step(string title, string body, IReadOnlyList<int> instructions, StepSuggestion? suggestion, HashSet<string> ids)
    {
        var id = UniqueId(Slugs.Of(title, "step"), ids);
        return new PlannedStep(id, title, $"# {title}\n\n{body}".TrimEnd() + "\n", suggestion, instructions);
    }

    private static string PageBody(string intro, IReadOnlyList<Instruction> instructions)
    {
        var page = new StringBuilder();
        if (intro.Length > 0)
            page.Append(intro).Append("\n\n");
        for (var index = 0; index < instructions.Count; index++)
        {
            page.Append(instructions[index].NumberedAs(index + 1)).Append('\n');
            if (instructions[index].After.Length > 0)
                page.Append('\n').Append(instructions[index].After).Append("\n\n");
        }
        return page.ToString();
    }

    /// <summary>The first sentence of the instruction, shortened at a word.</summary>
    private static string TitleOf(string text)
    {
        var sentence = text.Split(['.', '\n'], 2)[0].Trim();
        if (sentence.Length <= MaxTitleLength)
            return sentence.Length > 0 ? sentence : "Step";
        var cut = sentence.LastIndexOf(' ', MaxTitleLength);
        return sentence[..(cut > 0 ? cut : MaxTitleLength)] + "…";
    }

    private static string UniqueId(string stem, HashSet<string> ids)
    {
        var id = Enumerable.Range(1, int.MaxValue).Select(n => n == 1 ? stem : $"{stem}-{n}").First(candidate => !ids.Contains(candidate));
        ids.Add(id);
        return id;
    }
}
