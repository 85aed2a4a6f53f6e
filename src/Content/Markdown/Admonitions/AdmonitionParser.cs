using System.Text.RegularExpressions;
using Markdig.Parsers;

namespace LabRunner.Content.Markdown.Admonitions;

/// <summary>
/// Parses mkdocs-material admonitions: <c>!!! type "Title"</c>, <c>??? type</c> (collapsible, folded) and <c>???+ type</c>
/// (collapsible, open), with a body indented by four spaces. Each becomes a quote whose first paragraph is the bold
/// title (a type without a title is titled by the type, capitalised); the <see cref="Admonition"/> is kept as data on it.
/// </summary>
public sealed partial class AdmonitionParser : IndentedBodyParser
{
    public AdmonitionParser() => OpeningCharacters = ['!', '?'];

    public override BlockState TryOpen(BlockProcessor processor)
    {
        if (processor.IsCodeIndent)
            return BlockState.None;
        var match = Opening().Match(processor.Line.ToString());
        if (!match.Success)
            return BlockState.None;

        var marker = match.Groups["marker"].Value;
        var kind = match.Groups["kind"].Value.ToLowerInvariant();
        var title = match.Groups["title"].Success ? match.Groups["title"].Value : char.ToUpperInvariant(kind[0]) + kind[1..];
        var admonition = new Admonition(kind, title.Length == 0 ? null : title, Collapsible: marker != "!!!", InitiallyOpen: marker != "???");
        admonition.AttachTo(Open(processor, admonition.Title));
        return BlockState.Continue;
    }

    [GeneratedRegex("""^(?<marker>!!!|\?\?\?\+?)[ \t]+(?<kind>[A-Za-z][\w-]*)(?:[ \t]+"(?<title>[^"]*)")?[ \t]*$""")]
    private static partial Regex Opening();
}
