using LabRunner.Content.Model;
using LabRunner.Content.Templates;
using LabRunner.Content.Text;

namespace LabRunner.Content.Learners;

/// <summary>
/// One learner of one lab, as <see cref="LearnerBinding"/> binds them: their variable values and the identifiers of their
/// lab resources, already validated and normalised (lower case, as RDS stores identifiers). Placeholders render from both.
/// </summary>
public sealed class Learner
{
    internal Learner(Lab lab, IReadOnlyDictionary<string, string> variables, IReadOnlyDictionary<string, string> resources)
    {
        Variables = variables;
        Resources = resources;
        Values = new PlaceholderValues(variables.Concat(resources));
        var identity = lab.Variables
            .Where(variable => variable.FormsRdsIdentifiers && variables.ContainsKey(variable.Name))
            .Select(variable => RdsIdentifier.Normalize(variables[variable.Name]))
            .ToList();
        Key = identity.Count == 0 ? "default" : string.Join("+", identity);
        Ownership = LearnerOwnership.Of(lab);
        ownedNames = [.. Ownership.OwnedResources.Where(resource => resources.ContainsKey(resource.Name)).Select(resource => resource.Name)];
    }

    /// <summary>The names of the lab's resources that only this learner's name decides.</summary>
    private readonly IReadOnlyList<string> ownedNames;

    /// <summary>Variable name (as the lab declares it) to value.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; }

    /// <summary>Resource name (<c>cluster</c>) to this learner's identifier (<c>aurora-alice-cluster</c>).</summary>
    public IReadOnlyDictionary<string, string> Resources { get; }

    /// <summary>Variables and resources together, for rendering templates and pages.</summary>
    public PlaceholderValues Values { get; }

    public string Resource(string name) =>
        Resources.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"The lab has no resource '{name}'.");

    /// <summary>Who this is among the lab's learners, from the variables that form identifiers (e.g. <c>alice</c>); names the progress file.</summary>
    public string Key { get; }

    /// <summary>The learner's resource identifiers that are theirs alone (<see cref="WhyNotTheirs"/> has nothing against them), worked out once.</summary>
    public IReadOnlyList<string> OwnIdentifiers => ownIdentifiers ??=
        [.. ownedNames.Select(name => Resources[name]).Distinct(StringComparer.Ordinal).Where(identifier => WhyNotTheirs(identifier) is null)];

    private IReadOnlyList<string>? ownIdentifiers;

    /// <summary>Which of the lab's names belong to one learner alone.</summary>
    public LearnerOwnership Ownership { get; }

    /// <summary>
    /// Why LabRunner must not change <paramref name="identifier"/> for this learner, or null when it may: it must be one of
    /// the learner's resources named from their name alone, and no other learner's name may produce it.
    /// </summary>
    public string? WhyNotTheirs(string identifier)
    {
        var normalized = RdsIdentifier.Normalize(identifier);
        if (RdsIdentifier.Problem(normalized) is { } problem)
            return $"'{Echo.Of(identifier)}' is not a valid RDS identifier: {problem}";
        if (ownedNames.Any(name => Resources[name] == normalized))
        {
            var others = Ownership.OtherLearnersNamedBy(normalized, Key);
            return others.Count == 0
                ? null
                : $"{normalized} is also what the lab names for learner {string.Join(", ", others)}, so it may not be {Key}'s alone";
        }
        if (Resources.FirstOrDefault(pair => pair.Value == normalized) is { Key: { } resource })
        {
            var template = Ownership.TemplateOf(resource);
            return $"{normalized} is resource '{resource}' ({Echo.Of(template.Source)}), which is not named from the learner's name alone: {Ownership.WhyNotOwned(template)}";
        }
        return $"{normalized} is not one of this learner's lab resources ({string.Join(", ", ownedNames.Select(name => Resources[name]))})";
    }
}
