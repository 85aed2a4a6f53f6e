using LabRunner.Content.Markdown.Admonitions;
using LabRunner.Content.Markdown.Tabs;
using Markdig;
using Markdig.Syntax;

namespace LabRunner.Content.Markdown;

/// <summary>The one Markdown dialect of lab pages: CommonMark, GFM pipe tables, admonitions and content tabs. Built once, shared by every front.</summary>
public static class LabMarkdown
{
    /// <summary>
    /// Markdig's inline parser takes time growing with the square of the link openers (<c>[</c>) and emphasis marks in
    /// one paragraph (each unclosed one is retried against the rest of the paragraph); these bounds keep a page's
    /// parse within milliseconds while leaving room for any page a person writes.
    /// </summary>
    public const int MaxLinkOpenersPerParagraph = 256;

    public const int MaxEmphasisMarksPerParagraph = 1024;

    /// <summary>
    /// Quote markers plus list levels (two columns of indentation each) at the start of a line. Markdig's block parser
    /// slows with the square of the nesting and gives up (with an exception) beyond its own limit; pages nest a few levels.
    /// </summary>
    public const int MaxLineNesting = 64;

    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseAdmonitions()
        .UseContentTabs()
        .UsePreciseSourceLocation()
        .Build();

    /// <summary>Parses text that <see cref="TryParse"/> accepted (or text LabRunner wrote itself).</summary>
    public static MarkdownDocument Parse(string markdown) => Markdig.Markdown.Parse(markdown, Pipeline);

    /// <summary>The document, or why Markdig cannot lay the text out in bounded time and where (a character offset).</summary>
    public static MarkdownParse TryParse(string markdown)
    {
        if (CostlyLine(markdown) is { } costly)
            return costly;
        return TryMarkdig(markdown) is { } document
            ? new MarkdownParse(document, 0, null)
            : new MarkdownParse(null, FirstTooDeepLine(markdown),
                "Markdown elements are nested deeper than Markdig allows here (quotes, lists, links or emphasis inside one another)");
    }

    /// <summary>The first line nested too deeply, or paragraph (lines between blank lines, outside fenced code) with too many openers or marks.</summary>
    private static MarkdownParse? CostlyLine(string markdown)
    {
        var (paragraphStart, openers, emphasis) = (0, 0, 0);
        var (lineStart, inFence) = (0, false);
        while (lineStart < markdown.Length)
        {
            // Lines end at LF, CR or CRLF, as Markdig reads them.
            var lineEnd = markdown.IndexOfAny(['\r', '\n'], lineStart);
            var next = lineEnd < 0 ? markdown.Length : lineEnd + (markdown[lineEnd] == '\r' && lineEnd + 1 < markdown.Length && markdown[lineEnd + 1] == '\n' ? 2 : 1);
            var line = markdown.AsSpan(lineStart, (lineEnd < 0 ? markdown.Length : lineEnd) - lineStart);
            var fence = line.TrimStart(' ').StartsWith("```") || line.TrimStart(' ').StartsWith("~~~");
            inFence ^= fence;
            if (line.IsWhiteSpace() || fence || inFence)
            {
                (paragraphStart, openers, emphasis) = (next, 0, 0);
                lineStart = next;
                continue;
            }
            if (Nesting(line) > MaxLineNesting)
                return new MarkdownParse(null, lineStart, $"this line is nested more than {MaxLineNesting} levels deep (quote markers and list indentation); LabRunner lays out at most {MaxLineNesting}");
            openers += line.Count('[');
            emphasis += line.Count('*') + line.Count('_');
            if (openers > MaxLinkOpenersPerParagraph)
                return Crowded(paragraphStart, $"this paragraph holds more than {MaxLinkOpenersPerParagraph} '[' (link openers)");
            if (emphasis > MaxEmphasisMarksPerParagraph)
                return Crowded(paragraphStart, $"this paragraph holds more than {MaxEmphasisMarksPerParagraph} '*' or '_' (emphasis marks)");
            lineStart = next;
        }
        return null;
    }

    private static int Nesting(ReadOnlySpan<char> line)
    {
        var (quotes, columns) = (0, 0);
        foreach (var character in line)
        {
            if (character == '>')
                quotes++;
            else if (character is ' ' or '\t')
                columns += character == '\t' ? 4 : 1;
            else
                break;
        }
        return quotes + columns / 2;
    }

    private static MarkdownParse Crowded(int offset, string what) =>
        new(null, offset, $"{what}; LabRunner does not lay out such a paragraph (the time it takes grows with the square of that count): split it with blank lines");

    private static MarkdownDocument? TryMarkdig(string markdown)
    {
        try
        {
            return Parse(markdown);
        }
        catch (ArgumentException)
        {
            // Markdig refuses elements nested beyond its depth limit this way (the message says so, the position is not given).
            return null;
        }
    }

    /// <summary>The start of the first line at which Markdig gives up: the shortest failing prefix of whole lines, by bisection.</summary>
    private static int FirstTooDeepLine(string markdown)
    {
        var lineEnds = new List<int>();
        for (var index = markdown.IndexOf('\n'); index >= 0; index = markdown.IndexOf('\n', index + 1))
            lineEnds.Add(index + 1);
        lineEnds.Add(markdown.Length);
        var (low, high) = (0, lineEnds.Count - 1);
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (TryMarkdig(markdown[..lineEnds[middle]]) is null)
                high = middle;
            else
                low = middle + 1;
        }
        return low == 0 ? 0 : lineEnds[low - 1];
    }
}

/// <summary>A parsed page, or the <see cref="Problem"/> that kept it from being parsed, at character <see cref="Offset"/>.</summary>
public sealed record MarkdownParse(MarkdownDocument? Document, int Offset, string? Problem);
