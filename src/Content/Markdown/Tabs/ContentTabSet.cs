using Markdig.Syntax;

namespace LabRunner.Content.Markdown.Tabs;

/// <summary>Tabs written one after the other (blank lines between them allowed): the reader sees one of them at a time.</summary>
public sealed record ContentTabSet(IReadOnlyList<QuoteBlock> Tabs)
{
    public IEnumerable<string> Titles => Tabs.Select(tab => ContentTab.Of(tab)!.Title);

    /// <summary>
    /// The tab to show: the first titled <paramref name="preferred"/> (case ignored), else the one the author marked
    /// <c>===+</c>, else the first.
    /// </summary>
    public QuoteBlock Choose(string? preferred) =>
        Tabs.FirstOrDefault(tab => string.Equals(ContentTab.Of(tab)!.Title, preferred, StringComparison.OrdinalIgnoreCase))
        ?? Tabs.FirstOrDefault(tab => ContentTab.Of(tab)!.Selected)
        ?? Tabs[0];

    /// <summary>Every set in a document, in reading order (sets nested in lists or quotes included).</summary>
    public static IReadOnlyList<ContentTabSet> In(MarkdownDocument document)
    {
        var sets = new List<ContentTabSet>();
        foreach (var container in document.Descendants<ContainerBlock>().Prepend(document))
        {
            List<QuoteBlock>? current = null;
            foreach (var block in container)
            {
                var tab = ContentTab.Of(block);
                if (tab is null || tab.StartsSet)
                    Flush();
                if (tab is not null)
                    (current ??= []).Add((QuoteBlock)block);
            }
            Flush();

            void Flush()
            {
                if (current is not null)
                    sets.Add(new ContentTabSet(current));
                current = null;
            }
        }
        return sets;
    }
}
