using LabRunner.Content.Markdown.Admonitions;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace LabRunner.Tui.Pages;

/// <summary>
/// Shows admonitions as framed callouts in Terminal.Gui's Markdown view. The view draws a quote only as a '&gt;' bar
/// but draws a table in a box, so each admonition becomes a one-column table: its title is the header, each of its
/// paragraphs, list items and code lines a row.
/// </summary>
public sealed class CalloutExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline) => pipeline.DocumentProcessed += Rewrite;

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    private static void Rewrite(MarkdownDocument document)
    {
        foreach (var quote in document.Descendants<QuoteBlock>().Where(quote => Admonition.Of(quote) is not null).ToList())
            Replace(quote, Admonition.Of(quote)!);
    }

    private static void Replace(QuoteBlock quote, Admonition admonition)
    {
        var table = new Table { Line = quote.Line, Column = quote.Column, Span = quote.Span };
        table.ColumnDefinitions.Add(new TableColumnDefinition());
        table.Add(Row(Text(admonition.Title ?? char.ToUpperInvariant(admonition.Kind[0]) + admonition.Kind[1..]), header: true));
        var body = quote.Skip(admonition.Title is null ? 0 : 1).ToList();
        foreach (var line in body.SelectMany(Lines))
            table.Add(Row(line, header: false));
        var parent = quote.Parent!;
        var index = parent.IndexOf(quote);
        parent.RemoveAt(index);
        parent.Insert(index, table);
    }

    /// <summary>A block as the lines of a callout: a paragraph is one, a list one per item ("• …"), code one per line.</summary>
    private static IEnumerable<ContainerInline> Lines(Block block) => block switch
    {
        ParagraphBlock paragraph => [Detach(paragraph.Inline, prefix: null)],
        HeadingBlock heading => [Detach(heading.Inline, prefix: null)],
        ListBlock list => list.OfType<ListItemBlock>().SelectMany(item => ItemLines(item, list.IsOrdered ? $"{item.Order}. " : "• ")),
        LeafBlock { Lines.Count: > 0 } code when code is CodeBlock => code.Lines.Lines.Take(code.Lines.Count).Select(line => Code(line.Slice.ToString())),
        ContainerBlock container => container.SelectMany(Lines),
        _ => [],
    };

    private static IEnumerable<ContainerInline> ItemLines(ListItemBlock item, string marker)
    {
        var first = true;
        foreach (var child in item)
        {
            if (first && child is ParagraphBlock paragraph)
                yield return Detach(paragraph.Inline, marker);
            else
                foreach (var line in Lines(child))
                    yield return line;
            first = false;
        }
    }

    private static ContainerInline Detach(ContainerInline? inlines, string? prefix)
    {
        var line = new ContainerInline();
        if (prefix is not null)
            line.AppendChild(new LiteralInline(prefix));
        while (inlines?.FirstChild is { } child)
        {
            child.Remove();
            // A table cell keeps only literal text: a line break inside a paragraph is a space there.
            line.AppendChild(child is LineBreakInline ? new LiteralInline(" ") : child);
        }
        return line;
    }

    private static ContainerInline Text(string text) => new ContainerInline().AppendChild(new LiteralInline(text));

    private static ContainerInline Code(string code) => new ContainerInline().AppendChild(new CodeInline(code));

    private static TableRow Row(ContainerInline line, bool header)
    {
        var row = new TableRow { IsHeader = header };
        row.Add(new TableCell { new ParagraphBlock { Inline = line } });
        return row;
    }
}
