using LabRunner.Content.Model;
using LabRunner.Content.Templates;

namespace LabRunner.Engine.Class;

/// <summary>
/// A resource template turned around: from a name such as <c>aurora-alice-cluster</c> back to the placeholder values
/// that render it (<c>yourname = alice</c>) under <c>aurora-{yourname}-cluster</c>. Literal text matches ignoring case,
/// as RDS stores identifiers in lower case; a placeholder used twice must match the same text twice. Where several
/// values would render the name, each placeholder takes the shortest text that fits, from the left.
/// </summary>
public sealed class ResourceNamePattern
{
    private readonly IReadOnlyDictionary<string, string> namesByKey;

    private ResourceNamePattern(ResourceTemplate resource, IReadOnlyDictionary<string, string> namesByKey)
    {
        Resource = resource;
        this.namesByKey = namesByKey;
    }

    public ResourceTemplate Resource { get; }

    /// <summary>The pattern of <paramref name="resource"/>, or null when its name has no placeholder and so tells no learner apart.</summary>
    public static ResourceNamePattern? For(ResourceTemplate resource)
    {
        var namesByKey = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var placeholder in resource.Template.Placeholders)
            namesByKey.TryAdd(placeholder.Key, placeholder.Name);
        return namesByKey.Count == 0 ? null : new ResourceNamePattern(resource, namesByKey);
    }

    /// <summary>The values by placeholder name (as written in the template) that render <paramref name="identifier"/>, or null when it does not fit.</summary>
    public IReadOnlyDictionary<string, string>? Match(string identifier) =>
        TemplateInversion.First(Resource.Template, identifier) is { } filling
            ? filling.ToDictionary(value => namesByKey[value.Key], value => value.Value, StringComparer.Ordinal)
            : null;
}
