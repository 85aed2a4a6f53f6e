using System.Text.RegularExpressions;
using Markdig.Parsers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace LabRunner.Content.Markdown;

/// <summary>
/// The mkdocs-material block shape shared by admonitions and content tabs: one opening line, then a body of lines
/// indented four columns from it (blank lines included). Each becomes a standard <see cref="QuoteBlock"/>, so any
/// renderer of plain Markdown draws it; what it stands for is kept as data on the block.
/// </summary>
public abstract class IndentedBodyParser : BlockParser
{
    /// <summary>Columns a body line is indented from the opening marker.</summary>
    public const int BodyIndent = 4;

    /// <summary>The whole opening line; a line it does not match is left to other parsers.</summary>
    protected abstract Regex OpeningLine { get; }

    /// <summary>What the opening line stands for: the quote's title (null for none) and how to keep its data on the quote.</summary>
    protected abstract (string? Title, Action<QuoteBlock> Attach) Opened(Match opening);

    public override BlockState TryOpen(BlockProcessor processor)
    {
        if (processor.IsCodeIndent)
            return BlockState.None;
        var match = OpeningLine.Match(processor.Line.ToString());
        if (!match.Success)
            return BlockState.None;
        var (title, attach) = Opened(match);
        attach(Open(processor, title));
        return BlockState.Continue;
    }

    private QuoteBlock Open(BlockProcessor processor, string? title)
    {
        var quote = new QuoteBlock(this)
        {
            QuoteChar = '>',
            Column = processor.Column,
            Line = processor.LineIndex,
            Span = new SourceSpan(processor.Start, processor.Line.End),
        };
        if (title is not null)
            quote.Add(TitleParagraph(title, quote));
        processor.NewBlocks.Push(quote);
        processor.GoToColumn(processor.Column + processor.Line.Length);
        return quote;
    }

    public override BlockState TryContinue(BlockProcessor processor, Block block)
    {
        if (processor.IsBlankLine)
            return BlockState.Continue;
        var bodyColumn = block.Column + BodyIndent;
        if (processor.Column < bodyColumn)
            return BlockState.None;
        processor.GoToColumn(bodyColumn);
        block.UpdateSpanEnd(processor.Line.End);
        return BlockState.Continue;
    }

    /// <summary>A paragraph holding the title in bold, built as inlines so the title is never read as Markdown.</summary>
    private static ParagraphBlock TitleParagraph(string title, QuoteBlock quote)
    {
        var strong = new EmphasisInline { DelimiterChar = '*', DelimiterCount = 2 };
        strong.AppendChild(new LiteralInline(title));
        var inlines = new ContainerInline();
        inlines.AppendChild(strong);
        return new ParagraphBlock
        {
            Inline = inlines,
            ProcessInlines = false,
            Line = quote.Line,
            Column = quote.Column,
            Span = quote.Span,
        };
    }
}
