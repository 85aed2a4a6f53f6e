using System.Collections.Concurrent;
using LabRunner.Content.Markdown;
using Markdig;

namespace LabRunner.Tui.Pages;

/// <summary>The pipelines to give the Markdown view: the lab dialect, content tabs showing one tab, admonitions as callouts.</summary>
public static class PagePipeline
{
    private static readonly ConcurrentDictionary<string, MarkdownPipeline> ByOpenTab = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>One pipeline per preferred tab title, kept: the view re-lays the page out when it gets another pipeline.</summary>
    public static MarkdownPipeline For(string preferredTab) => ByOpenTab.GetOrAdd(preferredTab, Build);

    private static MarkdownPipeline Build(string preferredTab)
    {
        var builder = new MarkdownPipelineBuilder();
        foreach (var extension in LabMarkdown.Pipeline.Extensions)
            builder.Extensions.Add(extension);
        builder.Extensions.Add(new ContentTabsView(preferredTab));
        builder.Extensions.Add(new CalloutExtension());
        return builder.Build();
    }
}
