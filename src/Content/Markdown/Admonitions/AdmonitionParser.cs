using System.Text.RegularExpressions;
using Markdig.Syntax;

namespace LabRunner.Content.Markdown.Admonitions;

/// <summary>
/// Parses mkdocs-material admonitions: <c>!!! type "Title"</c>, <c>??? type</c> (collapsible, folded) and <c>???+ type</c>
/// (collapsible, open), with a body indented by four spaces. Each becomes a quote whose first paragraph is the bold
/// title (a type without a title is titled by the type, capitalised); the <see cref="Admonition"/> is kept as data on it.
/// </summary>
public sealed partial class AdmonitionParser : IndentedBodyParser
{
    public AdmonitionParser() => OpeningCharacters = ['!', '?'];

    protected override Regex OpeningLine => Opening();

    protected override (string? Title, Action<QuoteBlock> Attach) Opened(Match opening)
    {
        var marker = opening.Groups["marker"].Value;
        var kind = opening.Groups["kind"].Value.ToLowerInvariant();
        var title = opening.Groups["title"].Success ? opening.Groups["title"].Value : char.ToUpperInvariant(kind[0]) + kind[1..];
        var admonition = new Admonition(kind, title.Length == 0 ? null : title, Collapsible: marker != "!!!", InitiallyOpen: marker != "???");
        return (admonition.Title, admonition.AttachTo);
    }

    [GeneratedRegex("""^(?<marker>!!!|\?\?\?\+?)[ \t]+(?<kind>[A-Za-z][\w-]*)(?:[ \t]+"(?<title>[^"]*)")?[ \t]*$""")]
    private static partial Regex Opening();
}
