using LabRunner.Content.Markdown.Admonitions;
using Markdig;
using Markdig.Syntax;

namespace LabRunner.Content.Markdown;

/// <summary>The one Markdown dialect of lab pages: CommonMark, GFM pipe tables and admonitions. Built once, shared by every front.</summary>
public static class LabMarkdown
{
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseAdmonitions()
        .UsePreciseSourceLocation()
        .Build();

    public static MarkdownDocument Parse(string markdown) => Markdig.Markdown.Parse(markdown, Pipeline);
}
