using System.Text.RegularExpressions;
using Markdig.Syntax;

namespace LabRunner.Content.Markdown.Tabs;

/// <summary>
/// Parses mkdocs-material content tabs: <c>=== "Title"</c> (<c>===+</c> selects the tab, <c>===!</c> starts a new set),
/// with a body indented by four spaces. Tabs that follow one another form one set. Each tab becomes a quote whose first
/// paragraph is the bold title, so plain Markdown shows every tab one after the other; the <see cref="ContentTab"/> is
/// kept as data on it.
/// </summary>
public sealed partial class ContentTabParser : IndentedBodyParser
{
    public ContentTabParser() => OpeningCharacters = ['='];

    protected override Regex OpeningLine => Opening();

    protected override (string? Title, Action<QuoteBlock> Attach) Opened(Match opening)
    {
        var marker = opening.Groups["marker"].Value;
        var tab = new ContentTab(opening.Groups["title"].Value, Selected: marker == "+", StartsSet: marker == "!");
        return (tab.Title, tab.AttachTo);
    }

    /// <summary>Whether a line starts like a tab (three '=' then a space) without being one: a title left unquoted or unclosed.</summary>
    public static bool LooksLikeABrokenOpening(string line) => NearOpening().IsMatch(line) && !Opening().IsMatch(line);

    [GeneratedRegex("""^===(?<marker>[+!]?)[ \t]+"(?<title>[^"]+)"[ \t]*$""")]
    private static partial Regex Opening();

    [GeneratedRegex("""^===[+!]?[ \t]+\S""")]
    private static partial Regex NearOpening();
}
