using Markdig;
using Markdig.Renderers;

namespace LabRunner.Content.Markdown.Admonitions;

/// <summary>Adds <see cref="AdmonitionParser"/> to a pipeline; rendering needs nothing, the blocks are standard quotes.</summary>
public sealed class AdmonitionExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.BlockParsers.Contains<AdmonitionParser>())
            pipeline.BlockParsers.Insert(0, new AdmonitionParser());
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }
}

public static class AdmonitionPipelineExtensions
{
    public static MarkdownPipelineBuilder UseAdmonitions(this MarkdownPipelineBuilder pipeline)
    {
        pipeline.Extensions.AddIfNotAlready<AdmonitionExtension>();
        return pipeline;
    }
}
