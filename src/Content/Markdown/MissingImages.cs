using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace LabRunner.Content.Markdown;

/// <summary>
/// Replaces images that cannot be shown with the text <c>[image: alt — path]</c>, so every front (TUI, plain
/// output) tells the reader the same thing: what the picture was and which file is missing.
/// </summary>
public static class MissingImages
{
    public static string Rewrite(string markdown, Func<string, bool> isMissing)
    {
        var missing = LabMarkdown.Parse(markdown).Descendants<LinkInline>()
            .Where(link => link.IsImage && link.Url is { } url && isMissing(url))
            .OrderByDescending(link => link.Span.Start)
            .ToList();
        var text = new StringBuilder(markdown);
        foreach (var image in missing)
            text.Remove(image.Span.Start, image.Span.Length).Insert(image.Span.Start, Placeholder(AltText(image), image.Url!));
        return text.ToString();
    }

    /// <summary><c>[image: alt — path]</c> (or <c>[image: path]</c> without alt text), escaped so Markdown shows it as written.</summary>
    public static string Placeholder(string altText, string path)
    {
        var label = altText.Length > 0 ? $"{altText} — {path}" : path;
        return $"\\[image: {Escape(label)}\\]";
    }

    public static string AltText(LinkInline image) =>
        string.Concat(image.Descendants<LiteralInline>().Select(literal => literal.Content.ToString()));

    internal static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var character in text)
        {
            if (character is '\\' or '[' or ']' or '*' or '_' or '`' or '<' or '>' or '!')
                escaped.Append('\\');
            escaped.Append(character);
        }
        return escaped.ToString();
    }
}
