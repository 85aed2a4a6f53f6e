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

    public bool TryGet(string placeholderName, out string value) =>
        values.TryGetValue(PlaceholderKey.Of(placeholderName), out value!);

    public PlaceholderValues With(string name, string value) =>
        new(values.Append(KeyValuePair.Create(PlaceholderKey.Of(name), value)));

    /// <summary>Fills every placeholder; throws <see cref="UndefinedPlaceholderException"/> for one without a value.</summary>
    public string Render(Template template) =>
        string.Concat(template.Parts.Select(part => part switch
        {
            LiteralText literal => literal.Text,
            Placeholder placeholder when TryGet(placeholder.Name, out var value) => value,
            Placeholder placeholder => throw new UndefinedPlaceholderException(placeholder, template),
            _ => throw new InvalidOperationException($"Unknown template part {part}."),
        }));

    /// <summary>Fills the placeholders it knows and leaves the others as written, for text shown to a person.</summary>
    public string RenderLenient(Template template) =>
        string.Concat(template.Parts.Select(part => part switch
        {
            LiteralText literal => literal.Text,
            Placeholder placeholder => TryGet(placeholder.Name, out var value) ? value : "{" + placeholder.Name + "}",
            _ => throw new InvalidOperationException($"Unknown template part {part}."),
        }));
}

public sealed class UndefinedPlaceholderException(Placeholder placeholder, Template template)
    : Exception($"'{{{placeholder.Name}}}' in \"{template.Source}\" has no value.")
{
    public Placeholder Placeholder { get; } = placeholder;
}
