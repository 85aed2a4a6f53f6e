namespace LabRunner.Content.Model;

/// <summary>
/// Text with <c>{placeholder}</c> holes. Placeholder names match ignoring case and underscores
/// (<c>{yourname}</c> = <c>{YOUR_NAME}</c>); <c>{{</c> and <c>}}</c> stand for literal braces.
/// </summary>
public sealed record Template(string Source, IReadOnlyList<TemplatePart> Parts)
{
    public IEnumerable<Placeholder> Placeholders => Parts.OfType<Placeholder>();

    public override string ToString() => Source;
}

public abstract record TemplatePart;

public sealed record LiteralText(string Text) : TemplatePart;

/// <param name="Name">As written.</param>
/// <param name="Offset">Offset of the opening brace in <see cref="Template.Source"/>, for locating findings.</param>
public sealed record Placeholder(string Name, int Offset) : TemplatePart
{
    public string Name { get; } = Name;

    /// <summary>Worked out once: a class of thousands reads every learner's names back through every template.</summary>
    public string Key { get; } = PlaceholderKey.Of(Name);
}

public static class PlaceholderKey
{
    /// <summary>The comparison key of a placeholder or variable name: lower case, underscores removed.</summary>
    public static string Of(string name) => name.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();
}
