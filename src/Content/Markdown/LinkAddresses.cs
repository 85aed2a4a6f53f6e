using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace LabRunner.Content.Markdown;

/// <summary>A link of a page as a reader chooses it: what it says and where it leads.</summary>
public sealed record PageAddress(string Label, string Url);

/// <summary>The links (not images) of a displayed page, for fronts where a link cannot be clicked or its address is not seen.</summary>
public static class LinkAddresses
{
    /// <summary>Each address once, in page order: links and autolinks (<c>&lt;https://…&gt;</c>).</summary>
    public static IReadOnlyList<PageAddress> Of(string markdown) =>
    [
        .. LabMarkdown.Parse(markdown).Descendants<Inline>()
            .Select(inline => inline switch
            {
                LinkInline { IsImage: false, Url: { Length: > 0 } url } link => new PageAddress(MissingImages.AltText(link), url),
                AutolinkInline { Url: { Length: > 0 } url } => new PageAddress(url, url),
                _ => null,
            })
            .OfType<PageAddress>()
            .DistinctBy(address => address.Url),
    ];

    /// <summary>The page with each web link's address written after its words, as <c>[Aurora Backup](url) (&lt;url&gt;)</c>.</summary>
    public static string Shown(string markdown)
    {
        var text = new StringBuilder(markdown);
        var shown = Links(markdown)
            .Where(link => IsWebAddress(link.Url!) && MissingImages.AltText(link) != link.Url && link.Span.End < markdown.Length)
            .OrderByDescending(link => link.Span.End);
        foreach (var link in shown)
            text.Insert(link.Span.End + 1, $" (<{link.Url}>)");
        return text.ToString();
    }

    private static IEnumerable<LinkInline> Links(string markdown) =>
        LabMarkdown.Parse(markdown).Descendants<LinkInline>().Where(link => !link.IsImage && link.Url is { Length: > 0 });

    /// <summary>An http(s) address that an autolink can hold as it is (no space or angle bracket).</summary>
    private static bool IsWebAddress(string url) =>
        (url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        && !url.Any(character => char.IsWhiteSpace(character) || char.IsControl(character) || character is '<' or '>');
}
