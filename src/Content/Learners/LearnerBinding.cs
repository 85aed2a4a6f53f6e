using LabRunner.Content.Model;
using LabRunner.Content.Templates;
using LabRunner.Content.Text;

namespace LabRunner.Content.Learners;

/// <summary>
/// Binds one learner to a lab: their variable values (defaults applied, each checked against its pattern) and every
/// resource name rendered from them, identifiers checked and lower-cased as RDS stores them. The engine, the sandbox
/// and the TUI all use the result.
/// </summary>
public static class LearnerBinding
{
    /// <param name="values">Variable values by name (names match ignoring case and underscores, as placeholders do).</param>
    public static LearnerBindingResult Bind(Lab lab, IReadOnlyDictionary<string, string> values)
    {
        var problems = new List<string>();
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            if (lab.Variables.Any(variable => PlaceholderKey.Of(variable.Name) == PlaceholderKey.Of(name)))
                given[PlaceholderKey.Of(name)] = value;
            else
                problems.Add($"lab {lab.Id} has no variable '{Echo.Of(name)}'{DidYouMean.Suffix(name, lab.Variables.Select(v => v.Name))}");
        }

        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var variable in lab.Variables)
        {
            var value = given.GetValueOrDefault(PlaceholderKey.Of(variable.Name)) ?? variable.Default;
            if (value is null)
                problems.Add($"variable '{variable.Name}' needs a value ({variable.Prompt})");
            else if (variable.Problem(value) is { } problem)
                problems.Add($"{variable.Name}: {problem}");
            else
                variables[variable.Name] = value;
        }
        if (problems.Count > 0)
            return new LearnerBindingResult(null, problems);

        var variableValues = new PlaceholderValues(variables);
        var flagged = lab.Variables.Where(variable => variable.FormsRdsIdentifiers).Select(variable => PlaceholderKey.Of(variable.Name)).ToHashSet();
        var resources = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var resource in lab.Resources)
        {
            var rendered = variableValues.Render(resource.Template);
            var isIdentifier = resource.Template.Placeholders.Any(placeholder => flagged.Contains(placeholder.Key));
            if (isIdentifier && RdsIdentifier.Problem(rendered) is { } problem)
                problems.Add($"resource {resource.Name} '{Echo.Of(rendered)}' is not a valid RDS identifier: {problem}");
            else
                resources[resource.Name] = isIdentifier ? RdsIdentifier.Normalize(rendered) : rendered;
        }
        if (problems.Count > 0)
            return new LearnerBindingResult(null, problems);

        return new LearnerBindingResult(new Learner(lab, variables, resources), []);
    }

    /// <summary>Reads <c>NAME=VALUE</c> assignments (as given to <c>--var</c>); each malformed one is a problem.</summary>
    public static (IReadOnlyDictionary<string, string> Values, IReadOnlyList<string> Problems) ParseAssignments(IEnumerable<string> assignments)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var assignment in assignments)
        {
            var equals = assignment.IndexOf('=');
            if (equals <= 0)
                problems.Add($"'{Echo.Of(assignment)}' is not NAME=VALUE");
            else
                values[assignment[..equals].Trim()] = assignment[(equals + 1)..];
        }
        return (values, problems);
    }
}

/// <summary>The learner, or null with one problem per variable or resource that is wrong.</summary>
public sealed record LearnerBindingResult(Learner? Learner, IReadOnlyList<string> Problems)
{
    public bool Succeeded => Learner is not null;
}
