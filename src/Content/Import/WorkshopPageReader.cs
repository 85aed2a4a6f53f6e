using System.Text;
using LabRunner.Content.Markdown;
using LabRunner.Content.Markdown.Admonitions;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace LabRunner.Content.Import;

/// <summary>
/// Splits a mkdocs-material workshop page into <see cref="WorkshopPage"/>: <c>##</c> headings start sections, the items of
/// top-level numbered lists are the instructions, everything else stays with the instruction it follows (or the section's
/// intro), and an admonition titled "Recap" is set apart.
/// </summary>
public static class WorkshopPageReader
{
    private const string RecapTitle = "recap";

    /// <summary>The page, or why it cannot be imported.</summary>
    public static (WorkshopPage? Page, string? Problem) Read(string markdown)
    {
        var parse = LabMarkdown.TryParse(markdown);
        if (parse.Document is not { } document)
            return (null, $"{parse.Problem} (at line {LineOf(markdown, parse.Offset)})");
        if (!document.OfType<HeadingBlock>().Any(heading => heading.Level == 2))
            return (null, "it has no '## ' headings: the importer makes a lab section of each '## ' heading and a step of its numbered instructions");
        return (new Builder(markdown).Read(document), null);
    }

    private sealed class Builder(string markdown)
    {
        private readonly List<WorkshopSection> sections = [];
        private readonly StringBuilder pending = new();
        private readonly List<(string Markdown, string Text, StringBuilder After)> instructions = [];
        private string? title;
        private string? sectionTitle;
        private string? recap;

        public WorkshopPage Read(MarkdownDocument document)
        {
            foreach (var block in document)
            {
                if (block is HeadingBlock { Level: 1 } first && title is null && sectionTitle is null)
                    title = InlineText(first.Inline);
                else if (block is HeadingBlock { Level: 2 } heading)
                    StartSection(InlineText(heading.Inline) is { Length: > 0 } text ? text : $"Section {sections.Count + (sectionTitle is null ? 1 : 2)}");
                else if (block is ListBlock { IsOrdered: true } list)
                    instructions.AddRange(list.OfType<ListItemBlock>().Select(item => (Source(item), PlainText(item), new StringBuilder())));
                else if (Admonition.Of(block) is { Title: { } admonitionTitle } && admonitionTitle.Trim().Equals(RecapTitle, StringComparison.OrdinalIgnoreCase))
                    recap = Source(block);
                else
                    Append(instructions.Count > 0 ? instructions[^1].After : pending, Source(block));
            }
            StartSection(null);
            return new WorkshopPage(title, sections, recap);
        }

        private void StartSection(string? next)
        {
            if (sectionTitle is not null)
            {
                sections.Add(new WorkshopSection(sectionTitle, pending.ToString(),
                    [.. instructions.Select((instruction, index) => new Instruction(index + 1, instruction.Markdown, instruction.Text, instruction.After.ToString()))]));
                pending.Clear();
            }
            instructions.Clear();
            sectionTitle = next;
        }

        /// <summary>The block's whole lines, indentation included.</summary>
        private string Source(Block block)
        {
            var start = block.Span.Start == 0 ? 0 : markdown.LastIndexOfAny(['\n', '\r'], block.Span.Start - 1) + 1;
            var end = Math.Min(markdown.Length, block.Span.End + 1);
            return markdown[start..end].TrimEnd();
        }

        private static void Append(StringBuilder text, string block)
        {
            if (text.Length > 0)
                text.Append("\n\n");
            text.Append(block);
        }

        private static string InlineText(ContainerInline? inline) => inline is null ? "" : Words(inline).Trim();

        /// <summary>The text a reader reads: literals and code, not an image's alt text (a picture is not an instruction).</summary>
        private static string Words(ContainerInline container) => string.Concat(container.Select(inline => inline switch
        {
            LinkInline { IsImage: true } => "",
            ContainerInline nested => Words(nested),
            _ => Literal(inline),
        }));

        private static string PlainText(Block block) => string.Join(" ", block.Descendants<LeafBlock>()
            .Select(leaf => InlineText(leaf.Inline)).Where(text => text.Length > 0));

        private static string Literal(Inline inline) => inline switch
        {
            LiteralInline literal => literal.Content.ToString(),
            CodeInline code => code.Content,
            LineBreakInline => " ",
            _ => "",
        };
    }

    private static int LineOf(string text, int offset) => 1 + text.AsSpan(0, Math.Min(offset, text.Length)).Count('\n');
}
