using LabRunner.Content.Model;

namespace LabRunner.Content.Templates;

/// <summary>
/// A template read backwards: every way of filling its placeholders (each with at least one character, a repeated
/// placeholder with the same text each time) that renders exactly a given text, literal text matching ignoring case
/// as RDS identifiers do. Anchored at both ends by construction. Meant for identifiers (63 characters at most); the
/// search stops after a budget of steps, and then says so.
/// </summary>
public static class TemplateInversion
{
    public const int StepBudget = 100_000;

    /// <summary>Each filling by placeholder key (see <see cref="PlaceholderKey"/>); <c>Complete</c> is false when the budget ran out first.</summary>
    public static (IReadOnlyList<IReadOnlyDictionary<string, string>> Fillings, bool Complete) Fillings(Template template, string text) =>
        Find(template, text, int.MaxValue);

    /// <summary>The first filling found, each placeholder as short as fits from the left; null when there is none (or none within the budget).</summary>
    public static IReadOnlyDictionary<string, string>? First(Template template, string text) =>
        Find(template, text, wanted: 1).Fillings is [var first] ? first : null;

    private static (IReadOnlyList<IReadOnlyDictionary<string, string>> Fillings, bool Complete) Find(Template template, string text, int wanted)
    {
        if (!FramedAlike(template.Parts, text))
            return ([], true);
        var found = new List<IReadOnlyDictionary<string, string>>();
        var steps = 0;
        var complete = Search(template.Parts, 0, text, 0, new Dictionary<string, string>(StringComparer.Ordinal), found, wanted, ref steps);
        return (found, complete);
    }

    /// <summary>
    /// Whether the template's leading and trailing literal text frame <paramref name="text"/>: most names of a lab are
    /// told apart there, without a search (a class of thousands inverts every learner's names).
    /// </summary>
    private static bool FramedAlike(IReadOnlyList<TemplatePart> parts, string text) =>
        parts.Count == 0
        || ((parts[0] is not LiteralText first || text.StartsWith(first.Text, StringComparison.OrdinalIgnoreCase))
            && (parts[^1] is not LiteralText last || text.EndsWith(last.Text, StringComparison.OrdinalIgnoreCase)));

    private static bool Search(IReadOnlyList<TemplatePart> parts, int part, string text, int position,
        Dictionary<string, string> bound, List<IReadOnlyDictionary<string, string>> found, int wanted, ref int steps)
    {
        if (++steps > StepBudget)
            return false;
        if (part == parts.Count)
        {
            if (position == text.Length)
                found.Add(new Dictionary<string, string>(bound, StringComparer.Ordinal));
            return true;
        }
        switch (parts[part])
        {
            case LiteralText literal:
                return !text.AsSpan(position).StartsWith(literal.Text, StringComparison.OrdinalIgnoreCase)
                    || Search(parts, part + 1, text, position + literal.Text.Length, bound, found, wanted, ref steps);
            case Placeholder placeholder when bound.TryGetValue(placeholder.Key, out var value):
                return !text.AsSpan(position).StartsWith(value, StringComparison.OrdinalIgnoreCase)
                    || Search(parts, part + 1, text, position + value.Length, bound, found, wanted, ref steps);
            case Placeholder placeholder:
                var following = part + 1 < parts.Count ? parts[part + 1] as LiteralText : null;
                for (var end = position + 1; end <= text.Length; end++)
                {
                    // Only ends where what follows can match are tried (a class of thousands inverts every name).
                    if (following is null ? part + 1 == parts.Count && end < text.Length : !text.AsSpan(end).StartsWith(following.Text, StringComparison.OrdinalIgnoreCase))
                        continue;
                    bound[placeholder.Key] = text[position..end];
                    if (!Search(parts, part + 1, text, end, bound, found, wanted, ref steps))
                        return false;
                    if (found.Count == wanted)
                        break;
                }
                bound.Remove(placeholder.Key);
                return true;
            default:
                return true;
        }
    }
}
