using System.Text;
using System.Text.RegularExpressions;
using LabRunner.Content.Kinds;

namespace LabRunner.Content.Import;

/// <summary>Lab and step ids made from titles: lower-case words joined by hyphens, as lab.schema.json's slug.</summary>
public static class Slugs
{
    private const int MaxLength = 40;

    private static readonly Lazy<Regex> Slug = new(() => new Regex(LabSchema.DefinitionPattern("slug")));

    public static bool IsSlug(string? text) => text is { Length: > 0 and <= MaxLength } && Slug.Value.IsMatch(text);

    /// <summary>The title's letters and digits in words, at most 40 characters cut at a word; <paramref name="fallback"/> when none is left.</summary>
    public static string Of(string title, string fallback)
    {
        var slug = new StringBuilder();
        foreach (var character in title.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(character))
                slug.Append(character);
            else if (slug.Length > 0 && slug[^1] != '-')
                slug.Append('-');
        }
        var text = slug.ToString().Trim('-');
        if (text.Length > MaxLength)
        {
            text = text[..MaxLength];
            text = text.LastIndexOf('-') is > 0 and var lastWord ? text[..lastWord] : text;
        }
        if (text.Length == 0)
            return fallback;
        return char.IsAsciiLetter(text[0]) ? text : $"{fallback}-{text}";
    }
}
