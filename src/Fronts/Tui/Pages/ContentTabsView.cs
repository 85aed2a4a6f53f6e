using LabRunner.Content.Markdown.Tabs;
using LabRunner.Engine.Targets;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace LabRunner.Tui.Pages;

/// <summary>
/// Shows each set of content tabs as one tab at a time in Terminal.Gui's Markdown view: a strip of the tabs' titles (the
/// open one bold and marked, the others links a click opens), the open tab's body, and a rule where the set ends.
/// The open tab is the one titled <paramref name="preferredTab"/> where the set has it (see <see cref="ContentTabSet.Choose"/>).
/// </summary>
public sealed class ContentTabsView(string? preferredTab) : IMarkdownExtension
{
    /// <summary>The scheme of the links in a tab strip: the rest of the URL is the tab's title, escaped.</summary>
    public const string LinkScheme = "labrunner-tab:";

    /// <summary>The tab that opens first: the console on AWS, where the learner has one; the AWS CLI anywhere else.</summary>
    public static string FirstTabOn(TargetInfo target) => target.IsAmazon ? "Console" : "AWS CLI";

    /// <summary>The title a tab strip's link opens, or null for any other link.</summary>
    public static string? TitleOfLink(string? url) =>
        url is not null && url.StartsWith(LinkScheme, StringComparison.Ordinal) ? Uri.UnescapeDataString(url[LinkScheme.Length..]) : null;

    /// <summary>The title after the open one in the page's first set (wrapping round), or null when the page has no tabs.</summary>
    public static string? NextTitle(MarkdownDocument page, string? preferredTab)
    {
        if (ContentTabSet.In(page).FirstOrDefault() is not { } set)
            return null;
        var titles = set.Titles.ToList();
        var open = titles.IndexOf(ContentTab.Of(set.Choose(preferredTab))!.Title);
        return titles[(open + 1) % titles.Count];
    }

    public void Setup(MarkdownPipelineBuilder pipeline) => pipeline.DocumentProcessed += Rewrite;

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    private void Rewrite(MarkdownDocument document)
    {
        foreach (var set in ContentTabSet.In(document))
            Replace(set);
    }

    private void Replace(ContentTabSet set)
    {
        var open = set.Choose(preferredTab);
        var parent = set.Tabs[0].Parent!;
        var index = parent.IndexOf(set.Tabs[0]);
        var body = ContentTab.BodyOf(open).ToList();
        foreach (var tab in set.Tabs)
            parent.Remove(tab);
        foreach (var block in body)
            open.Remove(block);
        parent.Insert(index++, Strip(set, open));
        foreach (var block in body)
            parent.Insert(index++, block);
        parent.Insert(index, new ThematicBreakBlock(null!) { ThematicChar = '-', ThematicCharCount = 3 });
    }

    private static ParagraphBlock Strip(ContentTabSet set, QuoteBlock open)
    {
        var line = new ContainerInline();
        foreach (var tab in set.Tabs)
        {
            var title = ContentTab.Of(tab)!.Title;
            if (line.FirstChild is not null)
                line.AppendChild(new LiteralInline("  │  "));
            if (tab == open)
            {
                var strong = new EmphasisInline { DelimiterChar = '*', DelimiterCount = 2 };
                strong.AppendChild(new LiteralInline($"▸ {title}"));
                line.AppendChild(strong);
            }
            else
            {
                var link = new LinkInline(LinkScheme + Uri.EscapeDataString(title), "");
                link.AppendChild(new LiteralInline(title));
                line.AppendChild(link);
            }
        }
        line.AppendChild(new LiteralInline("   (t: switch tab)"));
        return new ParagraphBlock { Inline = line };
    }
}
