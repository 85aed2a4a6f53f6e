using Markdig;
using Markdig.Renderers;

namespace LabRunner.Content.Markdown.Tabs;

/// <summary>Adds <see cref="ContentTabParser"/> to a pipeline; rendering needs nothing, the blocks are standard quotes.</summary>
public sealed class ContentTabExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.BlockParsers.Contains<ContentTabParser>())
            pipeline.BlockParsers.Insert(0, new ContentTabParser());
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }
}

public static class ContentTabPipelineExtensions
{
    public static MarkdownPipelineBuilder UseContentTabs(this MarkdownPipelineBuilder pipeline)
    {
        pipeline.Extensions.AddIfNotAlready<ContentTabExtension>();
        return pipeline;
    }
}
