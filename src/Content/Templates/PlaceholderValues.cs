using System.Runtime.CompilerServices;
using LabRunner.Content.Model;

namespace LabRunner.Content.Templates;

/// <summary>Values for placeholders, keyed by <see cref="PlaceholderKey"/> so <c>{yourname}</c> and <c>{YOUR_NAME}</c> agree.</summary>
public sealed class PlaceholderValues
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

    public PlaceholderValues(IEnumerable<KeyValuePair<string, string>> namedValues)
    {
        foreach (var (name, value) in namedValues)
            values[PlaceholderKey.Of(name)] = value;
    }

    public bool TryGet(Placeholder placeholder, out string value) =>
        values.TryGetValue(placeholder.Key, out value!);

    public PlaceholderValues With(string name, string value) =>
        new(values.Append(KeyValuePair.Create(PlaceholderKey.Of(name), value)));

    /// <summary>Fills every placeholder; throws <see cref="UndefinedPlaceholderException"/> for one without a value.</summary>
    public string Render(Template template) =>
        Fill(template, lenient: false);

    /// <summary>Fills the placeholders it knows and leaves the others as written, for text shown to a person.</summary>
    public string RenderLenient(Template template) =>
        Fill(template, lenient: true);

    // Every learner of a class of thousands renders every name and parameter: only the result is allocated.
    private string Fill(Template template, bool lenient)
    {
        var text = new DefaultInterpolatedStringHandler(0, 0);
        for (var index = 0; index < template.Parts.Count; index++)
        {
            var part = template.Parts[index];
            text.AppendLiteral(part switch
            {
                LiteralText literal => literal.Text,
                Placeholder placeholder => TryGet(placeholder, out var value) ? value
                    : lenient ? "{" + placeholder.Name + "}" : throw new UndefinedPlaceholderException(placeholder, template),
                _ => throw new InvalidOperationException($"Unknown template part {part}."),
            });
        }
        return text.ToStringAndClear();
    }
}

public sealed class UndefinedPlaceholderException(Placeholder placeholder, Template template)
    : Exception($"'{{{placeholder.Name}}}' in \"{template.Source}\" has no value.")
{
    public Placeholder Placeholder { get; } = placeholder;
}
