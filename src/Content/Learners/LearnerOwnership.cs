using System.Runtime.CompilerServices;
using LabRunner.Content.Model;
using LabRunner.Content.Templates;
using LabRunner.Content.Text;

namespace LabRunner.Content.Learners;

/// <summary>
/// Which names belong to one learner alone. A name LabRunner may change (an action's or cleanup's target) must be built
/// from the learner's name variables (<see cref="Lab.NameVariables"/>) and literal text only: a constant is the same for
/// every learner, and any other variable could be given a value that spells another learner's resource. Lint reports
/// templates that break the rule; at run time the engine's guard also refuses a name that another learner's name could
/// produce through any such template of the lab.
/// </summary>
public sealed class LearnerOwnership
{
    private static readonly ConditionalWeakTable<Lab, LearnerOwnership> PerLab = [];

    private readonly IReadOnlyList<LabVariable> nameVariables;
    private readonly HashSet<string> nameKeys;
    private readonly Dictionary<string, ResourceTemplate> resourcesByKey;
    private readonly IReadOnlyList<string> nameVariableKeys;

    public LearnerOwnership(IEnumerable<LabVariable> variables, IEnumerable<ResourceTemplate> resources)
    {
        nameVariables = variables.Where(variable => variable.FormsRdsIdentifiers).ToList();
        nameVariableKeys = nameVariables.Select(variable => PlaceholderKey.Of(variable.Name)).ToList();
        nameKeys = nameVariableKeys.ToHashSet(StringComparer.Ordinal);
        resourcesByKey = resources.GroupBy(resource => PlaceholderKey.Of(resource.Name)).ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);
        OwnedResources = resourcesByKey.Values.Where(resource => WhyNotOwned(resource.Template) is null).ToList();
    }

    /// <summary>The lab's ownership, worked out once per lab (every learner of a class of thousands asks).</summary>
    public static LearnerOwnership Of(Lab lab) => PerLab.GetValue(lab, static lab => new(lab.Variables, lab.Resources));

    /// <summary>The resources whose names only the learner's name decides.</summary>
    public IReadOnlyList<ResourceTemplate> OwnedResources { get; }

    /// <summary>The template of the lab's resource <paramref name="resourceName"/>.</summary>
    public Template TemplateOf(string resourceName) => resourcesByKey[PlaceholderKey.Of(resourceName)].Template;

    /// <summary>Why a name written as <paramref name="template"/> (resources expanded) is not the learner's alone, or null when it is.</summary>
    public string? WhyNotOwned(Template template)
    {
        var variables = Expanded(template).ToList();
        var names = string.Join(" or ", nameVariables.Select(variable => $"{{{variable.Name}}}"));
        if (nameVariables.Count == 0)
            return "the lab has no name variable (one marked rds-identifier: true), so no name is the learner's alone";
        if (variables.FirstOrDefault(placeholder => !nameKeys.Contains(placeholder.Key)) is { } other)
            return $"it uses {{{Echo.Of(other.Name)}}}, which is not the learner's name: its value could spell another learner's resource; build the name from {names} and literal text only";
        if (variables.Count == 0)
            return $"it is the same for every learner, so it could be another learner's resource; build it from {names}";
        return null;
    }

    /// <summary>
    /// The names of other learners (values of the name variables, lower case, joined by '+') that an owned template
    /// turns into <paramref name="identifier"/>; a search that cannot finish counts as a clash too ("?").
    /// </summary>
    public IReadOnlyList<string> OtherLearnersNamedBy(string identifier, string learnerKey)
    {
        // Most names are one learner's alone: nothing is allocated for them beyond the search.
        SortedSet<string>? others = null;
        foreach (var resource in OwnedResources)
        {
            var (fillings, complete) = TemplateInversion.Fillings(resource.Template, identifier);
            if (!complete)
                (others ??= new(StringComparer.Ordinal)).Add("?");
            foreach (var filling in fillings)
            {
                var key = string.Join("+", nameVariableKeys.Select(name => RdsIdentifier.Normalize(filling.GetValueOrDefault(name, ""))));
                if (key != learnerKey)
                    (others ??= new(StringComparer.Ordinal)).Add(key);
            }
        }
        return others is null ? [] : [.. others];
    }

    /// <summary>The variables a template is made of, with each resource it names replaced by its own template's.</summary>
    private IEnumerable<Placeholder> Expanded(Template template) =>
        template.Placeholders.SelectMany(placeholder => resourcesByKey.TryGetValue(placeholder.Key, out var resource)
            ? resource.Template.Placeholders
            : [placeholder]);
}
