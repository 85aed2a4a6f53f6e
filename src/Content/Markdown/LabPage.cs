using LabRunner.Content.Files;
using LabRunner.Content.Findings;
using LabRunner.Content.Model;
using MarkdownDocument = Markdig.Syntax.MarkdownDocument;

namespace LabRunner.Content.Markdown;

/// <summary>A page ready to show: what every front displays, and where its local links and images lead.</summary>
/// <param name="Source">The page as written (null when it could not be read).</param>
/// <param name="Markdown">
/// The text to display: placeholders filled where a value is known, missing local images replaced by
/// <c>[image: alt — path]</c>. Parse it with <see cref="LabMarkdown.Pipeline"/>.
/// </param>
/// <param name="Links">Local links and images, resolved inside the lab folder (positions in <see cref="Source"/>).</param>
/// <param name="Findings">Why the page could not be read, and links or images that leave the folder or lead nowhere.</param>
public sealed record LabPage(
    PageRef Page,
    SourceText? Source,
    string Markdown,
    IReadOnlyList<PageLink> Links,
    IReadOnlyList<Finding> Findings)
{
    public MarkdownDocument Parse() => LabMarkdown.Parse(Markdown);

    /// <summary>The file a link or image URL of this page leads to, when it is inside the lab folder and exists.</summary>
    public string? LocalFile(string url) =>
        Links.FirstOrDefault(link => link.Url == url && link.Target.Exists)?.Target.FullPath;
}

/// <summary>A relative link or image in a page.</summary>
/// <param name="Url">As in the displayed Markdown (placeholders filled).</param>
public sealed record PageLink(string Url, bool IsImage, string AltText, LabPath Target, SourceSpan Location);
