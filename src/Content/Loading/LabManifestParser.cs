using System.Text.RegularExpressions;
using LabRunner.Content.Files;
using LabRunner.Content.Findings;
using LabRunner.Content.Kinds;
using LabRunner.Content.Learners;
using LabRunner.Content.Model;
using LabRunner.Content.Templates;
using LabRunner.Content.Text;
using YamlDotNet.RepresentationModel;

namespace LabRunner.Content.Loading;

/// <summary>Turns lab.yaml's node tree into a <see cref="Lab"/>, reporting every problem it meets and reading on past it.</summary>
internal sealed class LabManifestParser(ManifestContext context, KindCatalog catalog)
{
    private static readonly Lazy<Regex> Slug = new(() => new Regex(LabSchema.DefinitionPattern("slug")));

    public Lab? Parse(YamlNode root)
    {
        if (MappingReader.Open(context, root, ManifestShape.Lab) is not { } lab)
            return null;
        var variables = ReadVariables(lab.Mapping("variables"));
        context.Scope = PlaceholderScope.VariablesOf(variables);
        var resources = ReadResources(lab.Mapping("resources"), variables);
        ReportNameClashes(variables, resources);
        context.Scope = PlaceholderScope.Of(variables, resources);
        var kinds = new KindSpecReader(context, catalog, new IdentifierWitness(variables, resources), new LearnerOwnership(variables, resources));

        var sections = lab.List("sections").Select(section => ReadSection(section, kinds)).OfType<Section>().ToList();
        ReportDuplicateStepIds(sections);
        ReportNothingRequired(lab, sections);
        return new Lab(
            SlugValue(lab, "id") ?? "",
            Text(lab, "title", "the lab's title") ?? "",
            Text(lab, "description", "the lab's description") ?? "",
            lab.Integer("estimated-minutes", 1, 1440) ?? 0,
            context.Folder.Root,
            variables,
            resources,
            sections,
            lab.Scalar("recap") is { } recap ? ReadPage(recap) : null,
            [.. lab.List("cleanup").Select(action => kinds.Read(action, KindRole.Action)).OfType<KindSpec>()],
            [.. lab.List("fixtures").Select(fixture => kinds.Read(fixture, KindRole.Fixture)).OfType<KindSpec>()],
            context.Source.Start);
    }

    private List<LabVariable> ReadVariables(YamlMappingNode? mapping)
    {
        var variables = new List<LabVariable>();
        foreach (var (keyNode, value) in Entries(mapping))
        {
            if (PlaceholderName(keyNode, "variables") is not { } name)
                continue;
            if (MappingReader.Open(context, value, ManifestShape.Variable) is not { } reader)
            {
                // Still declared, so templates naming it are not reported again.
                variables.Add(new LabVariable(name, "", null, null, false, context.At(keyNode)));
                continue;
            }
            var pattern = reader.Scalar("pattern");
            var defaultValue = reader.Scalar("default");
            var variable = new LabVariable(name, reader.String("prompt") ?? "", defaultValue?.Value, pattern?.Value,
                reader.Boolean("rds-identifier"), context.At(keyNode), ReadVariableType(reader, name));
            if (pattern is not null && VariablePatterns.Problem(pattern.Value!) is { } problem)
                context.Report(FindingCodes.BadVariable, pattern, $"the pattern of variable '{name}' is not a valid regular expression: {Echo.Of(problem, Echo.MessageLength)}");
            else if (defaultValue is not null && variable.TypeProblem(defaultValue.Value!) is { } typeProblem)
                context.Report(FindingCodes.BadVariable, defaultValue, $"the default of variable '{name}' is no {variable.Type.WireName()}: {typeProblem}");
            else if (defaultValue is not null && variable.Match(defaultValue.Value!) == PatternMatch.TooSlow)
                context.Report(FindingCodes.BadVariable, pattern!, $"the pattern of variable '{name}' backtracks so much that matching its default took over {VariablePatterns.BacktrackingBudget.TotalSeconds:0.##} s; write it without back-references or look-arounds");
            else if (defaultValue is not null && !variable.Accepts(defaultValue.Value!))
                context.Report(FindingCodes.BadVariable, defaultValue, $"the default of variable '{name}', '{Echo.Of(defaultValue.Value)}', does not match its pattern {Echo.Of(pattern!.Value)}");
            variables.Add(variable);
        }
        return variables;
    }

    private VariableType ReadVariableType(MappingReader reader, string name)
    {
        if (reader.Scalar("type") is not { } node)
            return VariableType.Text;
        if (VariableTypes.FromWireName(node.Value ?? "") is { } type)
            return type;
        context.Report(FindingCodes.BadVariable, node, $"variable '{name}' has type '{Echo.Of(node.Value)}'; the types are {string.Join(", ", VariableTypes.WireNames)}");
        return VariableType.Text;
    }

    private List<ResourceTemplate> ReadResources(YamlMappingNode? mapping, List<LabVariable> variables)
    {
        var resources = new List<(ResourceTemplate Resource, YamlNode Value)>();
        foreach (var (keyNode, value) in Entries(mapping))
        {
            if (PlaceholderName(keyNode, "resources") is not { } name)
                continue;
            if (value is not YamlScalarNode scalar || ManifestContext.IsNull(value))
            {
                context.Report(FindingCodes.BadValue, value, $"resource '{name}' must be a name template such as aurora-{{yourname}}-cluster, not {MappingReader.Describe(value)}");
                resources.Add((new ResourceTemplate(name, TemplateParser.Parse(""), context.At(keyNode)), value)); // still declared, as above
                continue;
            }
            resources.Add((new ResourceTemplate(name, context.ReadTemplate(scalar, $"resource '{name}'"), context.At(keyNode)), value));
        }
        var identifiers = new IdentifierWitness(variables, resources.Select(pair => pair.Resource));
        var flagged = variables.Where(variable => variable.FormsRdsIdentifiers).Select(variable => PlaceholderKey.Of(variable.Name)).ToHashSet();
        foreach (var (resource, value) in resources.Where(pair => pair.Resource.Template.Placeholders.Any(p => flagged.Contains(p.Key))))
        {
            if (identifiers.NeverValidReason(resource.Template) is { } reason)
                context.Report(FindingCodes.NeverAnIdentifier, value, $"resource '{resource.Name}': {reason}");
        }
        return [.. resources.Select(pair => pair.Resource)];
    }

    private string? PlaceholderName(YamlNode keyNode, string where)
    {
        var name = context.ScalarKey(keyNode, where);
        if (name is null || TemplateParser.IsPlaceholderName(name))
            return name;
        context.Report(FindingCodes.BadValue, keyNode, $"'{Echo.Of(name)}' in {where} is not a usable placeholder name: use letters, digits, '_' and '-', starting with a letter");
        return null;
    }

    private void ReportNameClashes(List<LabVariable> variables, List<ResourceTemplate> resources)
    {
        var declared = variables.Select(v => (v.Name, v.Location, What: "variable"))
            .Concat(resources.Select(r => (r.Name, r.Location, What: "resource")));
        foreach (var group in declared.GroupBy(entry => PlaceholderKey.Of(entry.Name)).Where(group => group.Count() > 1))
        {
            var first = group.First();
            foreach (var clash in group.Skip(1))
            {
                context.Report(FindingCodes.NameClash.At(clash.Location,
                    $"{clash.What} '{clash.Name}' and {first.What} '{first.Name}' (line {first.Location.Line}) are the same placeholder: names match ignoring case and underscores"));
            }
        }
    }

    private Section? ReadSection(YamlNode node, KindSpecReader kinds)
    {
        if (MappingReader.Open(context, node, ManifestShape.Section) is not { } section)
            return null;
        var optional = section.Boolean("optional");
        var steps = section.List("steps").Select(step => ReadStep(step, kinds, optional)).OfType<Step>().ToList();
        return new Section(Text(section, "title", "a section title") ?? "", steps, context.At(node), optional);
    }

    /// <param name="inOptionalSection">The section is optional, so the step is too whatever it says.</param>
    private Step? ReadStep(YamlNode node, KindSpecReader kinds, bool inOptionalSection)
    {
        if (MappingReader.Open(context, node, ManifestShape.Step) is not { } step)
            return null;
        var id = SlugValue(step, "id") ?? "";
        var manual = step.Boolean("manual");
        if (inOptionalSection && step.Scalar("optional") is { } optional && bool.TryParse(optional.Value, out var required) && !required)
            context.Report(FindingCodes.OptionalOverridden, optional, $"step '{Echo.Of(id)}' is in an optional section, so it is optional whatever it says; move it to a section of its own to make it required");
        ReportStepShape(step, id, manual);
        return new Step(
            id,
            Text(step, "title", $"the title of step '{Echo.Of(id)}'") ?? "",
            step.Scalar("page") is { } page ? ReadPage(page) : new PageRef("", "", context.At(node)),
            Text(step, "hint", $"the hint of step '{Echo.Of(id)}'"),
            [.. step.List("verify").Select(check => kinds.Read(check, KindRole.Check)).OfType<KindSpec>()],
            step.Value("perform") is { } perform ? kinds.Read(perform, KindRole.Action) : null,
            step.Value("wait") is { } wait ? ReadWait(wait) : null,
            manual,
            context.At(node),
            inOptionalSection || step.Boolean("optional"));
    }

    private static readonly string[] StepActivities = ["verify", "perform", "wait"];

    private void ReportStepShape(MappingReader step, string id, bool manual)
    {
        var activities = StepActivities.Where(key => step.Value(key) is not null).ToList();
        if (manual && activities.Count > 0)
            context.Report(FindingCodes.StepShape, step.Node, $"step '{Echo.Of(id)}' is manual, so it cannot also have {string.Join(" or ", activities)}");
        else if (!manual && !activities.Contains("verify"))
            context.Report(FindingCodes.StepShape, step.Node, $"step '{Echo.Of(id)}' has nothing to check: give it 'verify' checks, or 'manual: true' if the learner only reads and acknowledges it");
    }

    private WaitSpec? ReadWait(YamlNode node)
    {
        if (MappingReader.Open(context, node, ManifestShape.Wait) is not { } wait)
            return null;
        var timeout = Duration(wait, "timeout");
        var interval = Duration(wait, "interval");
        if (timeout is null || interval is null)
            return null;
        if (interval > timeout)
            context.Report(FindingCodes.BadValue, wait.Value("interval")!, $"the wait's interval ({wait.String("interval")}) is longer than its timeout ({wait.String("timeout")})");
        return new WaitSpec(timeout.Value, interval.Value, context.At(node));
    }

    private TimeSpan? Duration(MappingReader reader, string key)
    {
        if (reader.Scalar(key) is not { } node)
            return null;
        var duration = Durations.Parse(node.Value ?? "");
        if (duration is null)
            context.Report(FindingCodes.BadValue, node, $"'{key}' must be a duration such as 30s, 5m, 1h or 1m30s, not '{Echo.Of(node.Value)}'");
        return duration;
    }

    private PageRef ReadPage(YamlScalarNode node)
    {
        var reference = node.Value ?? "";
        var location = context.At(node);
        if (!reference.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            context.Report(FindingCodes.BadValue, node, $"a page must be a Markdown file ending in .md, not '{Echo.Of(reference)}'");
            return new PageRef(reference, "", location);
        }
        var path = context.Folder.Resolve(reference);
        if (!path.Exists)
            context.Report(path.ProblemCode, node, path.Status is LabPathStatus.Missing or LabPathStatus.Directory
                ? $"page {path.Problem} (looked for {path.DisplayPath})"
                : $"page {path.Problem}");
        return new PageRef(reference, path.FullPath, location);
    }

    private string? SlugValue(MappingReader reader, string key)
    {
        if (reader.Scalar(key) is not { } node)
            return null;
        if (!Slug.Value.IsMatch(node.Value ?? ""))
            context.Report(FindingCodes.BadValue, node, $"'{key}' must be lower-case letters and digits in words joined by single hyphens, such as find-cluster; not '{Echo.Of(node.Value)}'");
        return node.Value;
    }

    /// <summary>Text that may hold placeholders (titles, hints, descriptions): each one must be defined.</summary>
    private string? Text(MappingReader reader, string key, string where) =>
        reader.Scalar(key) is { } node ? context.ReadTemplate(node, where).Source : null;

    private void ReportDuplicateStepIds(List<Section> sections)
    {
        foreach (var group in sections.SelectMany(section => section.Steps).Where(step => step.Id.Length > 0).GroupBy(step => step.Id).Where(group => group.Count() > 1))
        {
            var first = group.First();
            foreach (var duplicate in group.Skip(1))
                context.Report(FindingCodes.DuplicateStepId.At(duplicate.Location, $"step id '{Echo.Of(duplicate.Id)}' is already used by the step at line {first.Location.Line}"));
        }
    }

    private void ReportNothingRequired(MappingReader lab, List<Section> sections)
    {
        if (sections.Any(section => section.Steps.Count > 0) && sections.SelectMany(section => section.Steps).All(step => step.Optional))
            context.Report(FindingCodes.NothingRequired, lab.Value("sections")!, "every step is optional: the lab counts as complete before the learner does anything; make at least one step required");
    }

    private static IEnumerable<KeyValuePair<YamlNode, YamlNode>> Entries(YamlMappingNode? mapping) =>
        mapping?.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>();
}
