using System.Text.RegularExpressions;
using LabRunner.Content.Files;
using LabRunner.Content.Findings;
using LabRunner.Content.Model;
using LabRunner.Content.Templates;
using LabRunner.Content.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SourceSpan = LabRunner.Content.Model.SourceSpan;

namespace LabRunner.Content.Markdown;

/// <summary>Reads a lab page for display: placeholders filled, local links and images resolved inside the lab folder.</summary>
public static partial class PageLoader
{
    /// <param name="values">The learner's values; placeholders without one stay as written.</param>
    public static LabPage Load(Lab lab, PageRef page, PlaceholderValues values) => Load(lab.Folder, page, values);

    public static LabPage Load(LabFolder folder, PageRef page, PlaceholderValues values)
    {
        var path = folder.Resolve(page.RelativePath);
        if (!path.Exists)
            return Unreadable(page, path.ProblemCode.At(page.Location, $"page {path.Problem}"));
        var read = LabFolder.ReadText(path);
        if (read.Problem is not null)
            return Unreadable(page, read.Problem);

        var source = read.Text!;
        var parse = LabMarkdown.TryParse(source.Text);
        if (parse.Document is not { } document)
            return Unreadable(page, FindingCodes.TooComplex.At(source.SpanAt(parse.Offset), parse.Problem!));
        var filled = values.RenderLenient(TemplateParser.Parse(source.Text));
        if (filled != source.Text && LabMarkdown.TryParse(filled).Problem is { } filledProblem)
            return Unreadable(page, FindingCodes.TooComplex.At(source.Start, $"with the learner's values filled in: {filledProblem}"));
        var pageDirectory = Path.GetDirectoryName(path.LogicalPath);
        var links = LocalLinks(document, source, values)
            .Select(link => new PageLink(link.Url, link.IsImage, link.AltText, folder.Resolve(StripFragment(link.Url), pageDirectory), link.Location))
            .ToList();
        var unshowable = links.Where(link => link.IsImage && !link.Target.Exists).Select(link => link.Url).ToHashSet();
        var markdown = MissingImages.Rewrite(filled, unshowable.Contains);
        return new LabPage(page, source, markdown, links, [.. links.Select(LinkFinding).OfType<Finding>()]);
    }

    private static LabPage Unreadable(PageRef page, Finding problem) => new(page, null, "", [], [problem]);

    private static IEnumerable<(string Url, bool IsImage, string AltText, SourceSpan Location)> LocalLinks(MarkdownDocument document, SourceText source, PlaceholderValues values) =>
        document.Descendants<LinkInline>()
            .Where(link => link.Url is { Length: > 0 } url && IsLocal(url))
            .Select(link => (values.RenderLenient(TemplateParser.Parse(link.Url!)), link.IsImage, MissingImages.AltText(link), source.SpanAt(link.Span.Start)));

    private static Finding? LinkFinding(PageLink link)
    {
        var what = link.IsImage ? "image" : "link";
        return link.Target.Status switch
        {
            LabPathStatus.File => null,
            LabPathStatus.Refused => FindingCodes.EscapesLab.At(link.Location, $"{what} {link.Target.Problem}"),
            LabPathStatus.Invalid => FindingCodes.BadValue.At(link.Location, $"{what} {link.Target.Problem}"),
            LabPathStatus.Special => FindingCodes.MissingLinkTarget.At(link.Location, $"{what} {link.Target.Problem}"),
            _ when link.IsImage => FindingCodes.MissingLinkTarget.At(link.Location,
                $"image not found: {link.Target.DisplayPath}; it is shown as {Echo.Of(MissingImages.Placeholder(link.AltText, link.Url).Replace("\\", ""), Echo.MessageLength)}"),
            _ => FindingCodes.MissingLinkTarget.At(link.Location, $"linked file not found: {link.Target.DisplayPath}"),
        };
    }

    /// <summary>Relative references into the lab: not a URL with a scheme (https:, mailto:) and not an anchor in the page.</summary>
    private static bool IsLocal(string url) => !url.StartsWith('#') && !Scheme().IsMatch(url);

    private static string StripFragment(string url) => url.Split('#', '?')[0];

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]*:")]
    private static partial Regex Scheme();
}
