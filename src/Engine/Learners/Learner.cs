using LabRunner.Content.Learners;
using LabRunner.Content.Model;
using LabRunner.Content.Templates;

namespace LabRunner.Engine.Learners;

/// <summary>
/// One learner of one lab: their variable values and the identifiers of their lab resources, already validated
/// and normalised (lower case, as RDS stores identifiers). Placeholders render from both.
/// </summary>
public sealed class Learner
{
    public Learner(Lab lab, IReadOnlyDictionary<string, string> variables, IReadOnlyDictionary<string, string> resources)
    {
        Variables = variables;
        Resources = resources;
        Values = new PlaceholderValues(variables.Concat(resources));
        var identity = lab.Variables
            .Where(variable => variable.FormsRdsIdentifiers && variables.ContainsKey(variable.Name))
            .Select(variable => RdsIdentifier.Normalize(variables[variable.Name]))
            .ToList();
        Key = identity.Count == 0 ? "default" : string.Join("+", identity);
    }

    /// <summary>The learner as the content's <see cref="LearnerBinding"/> bound them.</summary>
    public static Learner Of(Lab lab, BoundLearner bound) => new(lab, bound.Variables, bound.Resources);

    /// <summary>Variable name (as the lab declares it) to value.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; }

    /// <summary>Resource name (<c>cluster</c>) to this learner's identifier (<c>aurora-alice-cluster</c>).</summary>
    public IReadOnlyDictionary<string, string> Resources { get; }

    public PlaceholderValues Values { get; }

    /// <summary>Who this is among the lab's learners, from the variables that form identifiers (e.g. <c>alice</c>); names the progress file.</summary>
    public string Key { get; }

    /// <summary>Whether <paramref name="identifier"/> names one of this learner's lab resources.</summary>
    public bool Owns(string identifier) =>
        Resources.Values.Contains(RdsIdentifier.Normalize(identifier), StringComparer.Ordinal);
}
