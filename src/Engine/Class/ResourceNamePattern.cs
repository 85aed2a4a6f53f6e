using System.Text;
using System.Text.RegularExpressions;
using LabRunner.Content.Model;

namespace LabRunner.Engine.Class;

/// <summary>
/// A resource template turned around: from a name such as <c>aurora-alice-cluster</c> back to the placeholder values
/// that render it (<c>yourname = alice</c>) under <c>aurora-{yourname}-cluster</c>. Literal text matches ignoring case,
/// as RDS stores identifiers in lower case; a placeholder used twice must match the same text twice.
/// </summary>
public sealed class ResourceNamePattern
{
    private readonly Regex regex;
    private readonly IReadOnlyList<string> placeholderNames;

    private ResourceNamePattern(ResourceTemplate resource, Regex regex, IReadOnlyList<string> placeholderNames)
    {
        Resource = resource;
        this.regex = regex;
        this.placeholderNames = placeholderNames;
    }

    public ResourceTemplate Resource { get; }

    /// <summary>The pattern of <paramref name="resource"/>, or null when its name has no placeholder and so tells no learner apart.</summary>
    public static ResourceNamePattern? For(ResourceTemplate resource)
    {
        var groups = new Dictionary<string, string>(StringComparer.Ordinal);
        var names = new List<string>();
        var pattern = new StringBuilder("^");
        foreach (var part in resource.Template.Parts)
        {
            switch (part)
            {
                case LiteralText literal:
                    pattern.Append(Regex.Escape(literal.Text));
                    break;
                case Placeholder placeholder when groups.TryGetValue(placeholder.Key, out var group):
                    pattern.Append($@"\k<{group}>");
                    break;
                case Placeholder placeholder:
                    groups[placeholder.Key] = $"p{names.Count}";
                    pattern.Append($"(?<p{names.Count}>.+?)");
                    names.Add(placeholder.Name);
                    break;
            }
        }
        if (names.Count == 0)
            return null;
        var regex = new Regex(pattern.Append('$').ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return new ResourceNamePattern(resource, regex, names);
    }

    /// <summary>The values by placeholder name (as written in the template) that render <paramref name="identifier"/>, or null when it does not fit.</summary>
    public IReadOnlyDictionary<string, string>? Match(string identifier)
    {
        var match = regex.Match(identifier);
        if (!match.Success)
            return null;
        return placeholderNames
            .Select((name, index) => KeyValuePair.Create(name, match.Groups[$"p{index}"].Value))
            .ToDictionary(StringComparer.Ordinal);
    }
}
