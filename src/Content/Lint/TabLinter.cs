using LabRunner.Content.Files;
using LabRunner.Content.Findings;
using LabRunner.Content.Markdown;
using LabRunner.Content.Markdown.Tabs;
using LabRunner.Content.Text;
using Markdig.Syntax;

namespace LabRunner.Content.Lint;

/// <summary>Content tabs a reader would not see as the author meant: empty, cut short by indentation, unquoted, alone or twice titled.</summary>
internal static class TabLinter
{
    public static IEnumerable<Finding> Lint(SourceText source, MarkdownDocument document)
    {
        var tabs = document.Descendants<QuoteBlock>().Where(quote => ContentTab.Of(quote) is not null).ToList();
        return tabs.Where(tab => !ContentTab.BodyOf(tab).Any()).Select(tab => Empty(source, tab))
            .Concat(tabs.Select(tab => OutdentedFollower(source, tab)).OfType<Finding>())
            .Concat(BrokenOpenings(source, document))
            .Concat(ContentTabSet.In(document).Select(set => SetShape(source, set)).OfType<Finding>());
    }

    private static Finding Empty(SourceText source, QuoteBlock tab) =>
        FindingCodes.EmptyTab.At(source.SpanAt(tab.Span.Start),
            $"the tab '{Echo.Of(ContentTab.Of(tab)!.Title)}' is empty: indent its body {IndentedBodyParser.BodyIndent} spaces under ===");

    /// <summary>The block right after a tab, when it is indented past the tab's === but not as far as its body.</summary>
    private static Finding? OutdentedFollower(SourceText source, QuoteBlock tab)
    {
        var parent = tab.Parent!;
        var index = parent.IndexOf(tab);
        if (index + 1 >= parent.Count || parent[index + 1] is not { } next || ContentTab.Of(next) is not null)
            return null;
        var indent = next.Column - tab.Column;
        return indent is > 0 and < IndentedBodyParser.BodyIndent
            ? FindingCodes.TabIndent.At(source.SpanAt(next.Span.Start),
                $"indented {indent} space{(indent == 1 ? "" : "s")} after the tab '{Echo.Of(ContentTab.Of(tab)!.Title)}': a tab's body is indented {IndentedBodyParser.BodyIndent}, so this line is outside the tab")
            : null;
    }

    /// <summary>Lines of paragraphs (so never code) that start like a tab but are not one.</summary>
    private static IEnumerable<Finding> BrokenOpenings(SourceText source, MarkdownDocument document)
    {
        foreach (var paragraph in document.Descendants<ParagraphBlock>())
        {
            var offset = paragraph.Span.Start;
            foreach (var line in source.Text.Substring(paragraph.Span.Start, paragraph.Span.Length).Split('\n'))
            {
                if (ContentTabParser.LooksLikeABrokenOpening(line.Trim()))
                    yield return FindingCodes.BrokenTab.At(source.SpanAt(offset),
                        "this line starts like a content tab but is shown as text: write the title in double quotes, === \"Title\"");
                offset += line.Length + 1;
            }
        }
    }

    private static Finding? SetShape(SourceText source, ContentTabSet set)
    {
        var first = source.SpanAt(set.Tabs[0].Span.Start);
        if (set.Tabs.Count == 1)
            return FindingCodes.TabSetShape.At(first, $"the tab '{Echo.Of(set.Titles.First())}' stands alone: a reader has no other tab to switch to (put the tabs of one set one after the other)");
        var twice = set.Titles.GroupBy(title => title, StringComparer.OrdinalIgnoreCase).FirstOrDefault(group => group.Count() > 1);
        return twice is null
            ? null
            : FindingCodes.TabSetShape.At(first, $"two tabs of this set are titled '{Echo.Of(twice.Key)}': a reader cannot tell them apart");
    }
}
