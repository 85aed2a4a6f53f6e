using System.Text.RegularExpressions;
using Markdig.Parsers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace LabRunner.Content.Markdown.Admonitions;

/// <summary>
/// Parses mkdocs-material admonitions: <c>!!! type "Title"</c>, <c>??? type</c> (collapsible, folded) and <c>???+ type</c>
/// (collapsible, open), with a body indented by four spaces. Each becomes a standard <see cref="QuoteBlock"/> whose first
/// paragraph is the bold title (a type without a title is titled by the type, capitalised), so any renderer of plain
/// Markdown draws it; the <see cref="Admonition"/> is kept as data on the block.
/// </summary>
public sealed partial class AdmonitionParser : BlockParser
{
    private const int BodyIndent = 4;

    public AdmonitionParser() => OpeningCharacters = ['!', '?'];

    public override BlockState TryOpen(BlockProcessor processor)
    {
        if (processor.IsCodeIndent)
            return BlockState.None;
        var match = Opening().Match(processor.Line.ToString());
        if (!match.Success)
            return BlockState.None;

        var marker = match.Groups["marker"].Value;
        var kind = match.Groups["kind"].Value.ToLowerInvariant();
        var title = match.Groups["title"].Success ? match.Groups["title"].Value : char.ToUpperInvariant(kind[0]) + kind[1..];
        var admonition = new Admonition(kind, title.Length == 0 ? null : title, Collapsible: marker != "!!!", InitiallyOpen: marker != "???");
        var quote = new QuoteBlock(this)
        {
            QuoteChar = '>',
            Column = processor.Column,
            Line = processor.LineIndex,
            Span = new SourceSpan(processor.Start, processor.Line.End),
        };
        admonition.AttachTo(quote);
        if (admonition.Title is not null)
            quote.Add(TitleParagraph(admonition.Title, quote));
        processor.NewBlocks.Push(quote);
        processor.GoToColumn(processor.Column + processor.Line.Length);
        return BlockState.Continue;
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

    [GeneratedRegex("""^(?<marker>!!!|\?\?\?\+?)[ \t]+(?<kind>[A-Za-z][\w-]*)(?:[ \t]+"(?<title>[^"]*)")?[ \t]*$""")]
    private static partial Regex Opening();
}
