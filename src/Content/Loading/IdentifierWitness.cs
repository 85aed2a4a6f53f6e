using LabRunner.Content.Model;
using LabRunner.Content.Templates;
using LabRunner.Content.Text;

namespace LabRunner.Content.Loading;

/// <summary>
/// Tells whether a template can never render to a valid RDS identifier, whatever the learner enters. Each variable is
/// given the value that helps most (one letter: it starts, ends and joins names legally and adds the least length), each
/// resource its template rendered that way; if even that sample breaks the rules, every value does. A resource that can
/// never be an identifier is reported once, at the resource, and templates naming it are not judged again.
/// </summary>
internal sealed class IdentifierWitness(IEnumerable<LabVariable> variables, IEnumerable<ResourceTemplate> resources)
{
    private const string BestVariableValue = "a";

    private readonly PlaceholderValues samples = WithResources(
        new PlaceholderValues(variables.Select(variable => KeyValuePair.Create(variable.Name, BestVariableValue))), resources);

    /// <summary>Why no value can make <paramref name="template"/> an identifier, or null when some value can (or a placeholder is undefined: reported elsewhere).</summary>
    public string? NeverValidReason(Template template)
    {
        if (template.Placeholders.Any(placeholder => !samples.TryGet(placeholder, out _)))
            return null;
        var problem = RdsIdentifier.Problem(samples.Render(template));
        return problem is null ? null : $"'{Echo.Of(template.Source)}' can never be a valid RDS identifier, whatever the learner enters: {problem}";
    }

    private static PlaceholderValues WithResources(PlaceholderValues variableSamples, IEnumerable<ResourceTemplate> resources) =>
        resources.Aggregate(variableSamples, (values, resource) =>
            resource.Template.Placeholders.All(placeholder => variableSamples.TryGet(placeholder, out _))
            && variableSamples.Render(resource.Template) is var sample && RdsIdentifier.IsValid(sample)
                ? values.With(resource.Name, sample)
                : values);
}
