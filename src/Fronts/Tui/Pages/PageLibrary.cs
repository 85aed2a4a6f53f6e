using LabRunner.Content.Markdown;
using LabRunner.Content.Model;
using LabRunner.Content.Templates;

namespace LabRunner.Tui.Pages;

/// <summary>Every page of a lab read once for one learner (placeholders filled, missing images as text), so screens never read files.</summary>
public sealed class PageLibrary
{
    private readonly IReadOnlyDictionary<string, LabPage> pages;

    private PageLibrary(IReadOnlyDictionary<string, LabPage> pages) => this.pages = pages;

    /// <summary>Reads the pages of every step and the recap, off the calling thread.</summary>
    public static Task<PageLibrary> LoadAsync(Lab lab, PlaceholderValues values) => Task.Run(() =>
    {
        var references = lab.Steps.Select(step => step.Page).Concat(lab.Recap is null ? [] : [lab.Recap]);
        var loaded = new Dictionary<string, LabPage>(StringComparer.Ordinal);
        foreach (var page in references)
            loaded.TryAdd(page.RelativePath, PageLoader.Load(lab, page, values));
        return new PageLibrary(loaded);
    });

    public LabPage this[PageRef page] => pages[page.RelativePath];

    /// <summary>The Markdown to show for a page, hidden characters made visible; a page that could not be read says why.</summary>
    public string MarkdownOf(PageRef page)
    {
        var loaded = this[page];
        return VisibleMarkdown.Of(loaded.Source is null
            ? $"*This page could not be read:* {string.Join("; ", loaded.Findings.Select(finding => finding.Message))}"
            : loaded.Markdown);
    }
}
