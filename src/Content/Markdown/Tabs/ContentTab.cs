using Markdig.Syntax;

namespace LabRunner.Content.Markdown.Tabs;

/// <summary>
/// What a content tab (<c>=== "Title"</c>) was, kept as data on the <see cref="QuoteBlock"/> that renders it.
/// </summary>
/// <param name="Title">The tab's label, as written.</param>
/// <param name="Selected">Written <c>===+</c>: the author's choice of tab to show first.</param>
/// <param name="StartsSet">Written <c>===!</c>: begins a new set even right after another tab.</param>
public sealed record ContentTab(string Title, bool Selected, bool StartsSet)
{
    /// <summary>The tab a quote block stands for, or null for any other block.</summary>
    public static ContentTab? Of(Block block) => block.GetData(typeof(ContentTab)) as ContentTab;

    internal void AttachTo(QuoteBlock block) => block.SetData(typeof(ContentTab), this);

    /// <summary>The tab's body: its blocks after the title paragraph.</summary>
    public static IEnumerable<Block> BodyOf(QuoteBlock tab) => tab.Skip(1);
}
