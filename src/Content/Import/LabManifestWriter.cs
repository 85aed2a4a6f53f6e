namespace LabRunner.Content.Import;

/// <summary>
/// Writes an imported lab's lab.yaml. Everything the importer guessed from the page's words (checks, actions, waits,
/// cleanup) is written for real, so the lab runs at once, and marked with a "suggested" comment for the author to review.
/// </summary>
internal static class LabManifestWriter
{
    public static string Write(ImportedLab lab)
    {
        using var text = new StringWriter();
        if (lab.SchemaReference is { } schema)
            text.WriteLine($"# yaml-language-server: $schema={schema}");
        using (var yaml = new YamlWriter(text))
        {
            yaml.Comment($"Imported by labrunner import from {lab.Source}. Review the lines marked 'suggested', then: labrunner lint");
            yaml.BeginMapping();
            yaml.Entry("id", lab.Id);
            yaml.Entry("title", lab.Title);
            yaml.Entry("description", lab.Description);
            yaml.Key("estimated-minutes");
            yaml.Plain(lab.EstimatedMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture));
            WriteVariables(yaml, lab);
            WriteResources(yaml, lab.Names.Resources);
            WriteSections(yaml, lab.Sections);
            if (lab.Recap is not null)
                yaml.Entry("recap", $"pages/{LabImporter.RecapId}.md");
            WriteCleanup(yaml, lab.Suggestions);
            yaml.EndMapping();
        }
        return text.ToString();
    }

    private static void WriteVariables(YamlWriter yaml, ImportedLab lab)
    {
        var added = lab.Suggestions.Select(suggestion => suggestion.Variable).OfType<SuggestedVariable>().DistinctBy(variable => variable.Name).ToList();
        if (lab.Names.Variables.Count + added.Count == 0)
            return;
        yaml.Key("variables");
        yaml.BeginMapping();
        foreach (var variable in lab.Names.Variables)
        {
            yaml.Key(variable.Name);
            yaml.BeginMapping();
            if (variable.LearnerName)
            {
                yaml.Entry("prompt", "Your name, as it appears in your resource names (letters, digits and hyphens)");
                yaml.Key("rds-identifier");
                yaml.Plain("true");
            }
            else
            {
                yaml.Entry("prompt", $"The value of {{{variable.Name}}} on the page");
            }
            yaml.EndMapping();
        }
        foreach (var variable in added.Where(variable => lab.Names.Variables.All(known => known.Name != variable.Name)))
        {
            yaml.Comment("suggested: the value the learner sets, which the step's check compares");
            yaml.Key(variable.Name);
            yaml.BeginMapping();
            yaml.Entry("prompt", variable.Prompt);
            yaml.Entry("type", variable.Type);
            yaml.Entry("default", variable.Default);
            yaml.EndMapping();
        }
        yaml.EndMapping();
    }

    private static void WriteResources(YamlWriter yaml, IReadOnlyList<ImportedResource> resources)
    {
        if (resources.Count == 0)
            return;
        yaml.Key("resources");
        yaml.BeginMapping();
        foreach (var resource in resources)
            yaml.Entry(resource.Name, resource.Template);
        yaml.EndMapping();
    }

    private static void WriteSections(YamlWriter yaml, IReadOnlyList<PlannedSection> sections)
    {
        yaml.Key("sections");
        yaml.BeginSequence();
        foreach (var section in sections)
        {
            yaml.BeginMapping();
            yaml.Entry("title", section.Title);
            yaml.Key("steps");
            yaml.BeginSequence();
            foreach (var step in section.Steps)
                WriteStep(yaml, step);
            yaml.EndSequence();
            yaml.EndMapping();
        }
        yaml.EndSequence();
    }

    private static void WriteStep(YamlWriter yaml, PlannedStep step)
    {
        yaml.Comment(step.Instructions.Count == 0
            ? "the section's text: it has no numbered instructions"
            : $"the page's instructions {string.Join(", ", step.Instructions)} of this section");
        yaml.BeginMapping();
        yaml.Entry("id", step.Id);
        yaml.Entry("title", step.Title);
        yaml.Entry("page", $"pages/{step.Id}.md");
        if (step.Suggestion is not { } suggestion)
        {
            yaml.Key("manual");
            yaml.Plain("true");
            yaml.EndMapping();
            return;
        }
        yaml.Comment($"suggested from \"{suggestion.Trigger}\": review the check{(suggestion.Perform is null ? "" : " and the action")}");
        yaml.Key("verify");
        yaml.BeginSequence();
        foreach (var check in suggestion.Verify)
            WriteSpec(yaml, check);
        yaml.EndSequence();
        if (suggestion.Perform is { } perform)
        {
            yaml.Key("perform");
            WriteSpec(yaml, perform);
        }
        if (suggestion.Wait is var (timeout, interval))
        {
            yaml.Comment("suggested: how long the check is retried while the learner waits");
            yaml.Key("wait");
            yaml.BeginMapping();
            yaml.Entry("timeout", timeout);
            yaml.Entry("interval", interval);
            yaml.EndMapping();
        }
        yaml.EndMapping();
    }

    private static void WriteCleanup(YamlWriter yaml, IReadOnlyList<StepSuggestion> suggestions)
    {
        var cleanup = suggestions.Select(suggestion => suggestion.Cleanup).OfType<SuggestedSpec>().ToList();
        if (cleanup.Count == 0)
            return;
        yaml.Comment("suggested: what the lab's perform steps create, deleted by labrunner cleanup");
        yaml.Key("cleanup");
        yaml.BeginSequence();
        foreach (var action in cleanup)
            WriteSpec(yaml, action);
        yaml.EndSequence();
    }

    private static void WriteSpec(YamlWriter yaml, SuggestedSpec spec)
    {
        yaml.BeginMapping();
        yaml.Entry("kind", spec.Kind);
        foreach (var (name, value) in spec.Parameters)
            yaml.Entry(name, value);
        yaml.EndMapping();
    }
}
