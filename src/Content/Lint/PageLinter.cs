using LabRunner.Content.Files;
using LabRunner.Content.Findings;
using LabRunner.Content.Loading;
using LabRunner.Content.Markdown;
using LabRunner.Content.Model;
using LabRunner.Content.Templates;
using LabRunner.Content.Text;
using Markdig.Syntax;

namespace LabRunner.Content.Lint;

/// <summary>Checks one page: readable text, links and images inside the folder, placeholders defined, no empty list items, content tabs as meant.</summary>
internal static class PageLinter
{
    private static readonly PlaceholderValues NoValues = new([]);

    public static IEnumerable<Finding> Lint(LabFolder folder, PageRef page, PlaceholderScope scope)
    {
        var loaded = PageLoader.Load(folder, page, NoValues);
        if (loaded.Source is not { } source)
            return loaded.Findings;
        var document = LabMarkdown.Parse(source.Text);
        return loaded.Findings.Concat(UndefinedPlaceholders(source, scope)).Concat(EmptyListItems(source, document)).Concat(TabLinter.Lint(source, document));
    }

    private static IEnumerable<Finding> UndefinedPlaceholders(SourceText source, PlaceholderScope scope) =>
        TemplateParser.Parse(source.Text).Placeholders
            .Where(placeholder => !scope.Defines(placeholder))
            .Select(placeholder => FindingCodes.UndefinedPlaceholder.At(source.SpanAt(placeholder.Offset),
                $"'{{{Echo.Of(placeholder.Name)}}}' is {scope.Describe(placeholder)}"));

    private static IEnumerable<Finding> EmptyListItems(SourceText source, MarkdownDocument document) =>
        document.Descendants<ListItemBlock>()
            .Where(item => item.Count == 0)
            .Select(item => FindingCodes.EmptyListItem.At(source.SpanAt(item.Span.Start), "empty list item"));
}
