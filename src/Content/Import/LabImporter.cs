using System.Text;
using LabRunner.Content.Files;
using LabRunner.Content.Markdown;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace LabRunner.Content.Import;

/// <summary>An imported lab, ready to be written: what <see cref="LabManifestWriter"/> needs.</summary>
/// <param name="Source">The page's file name, named in lab.yaml's first comment.</param>
/// <param name="SchemaReference">Where lab.schema.json is, relative to lab.yaml, when the lab lands next to it (in labs/).</param>
public sealed record ImportedLab(
    string Source,
    string Id,
    string Title,
    string Description,
    int EstimatedMinutes,
    PageNames Names,
    IReadOnlyList<PlannedSection> Sections,
    string? Recap,
    string? SchemaReference)
{
    public IReadOnlyList<StepSuggestion> Suggestions =>
        [.. Sections.SelectMany(section => section.Steps).Select(step => step.Suggestion).OfType<StepSuggestion>()];
}

/// <summary>What an import wrote, or why it wrote nothing.</summary>
/// <param name="MissingFiles">Images and linked files the page names that are not next to it: the author copies them in.</param>
public sealed record ImportResult(string? Problem, ImportedLab? Lab, IReadOnlyList<string> Written, IReadOnlyList<string> MissingFiles);

/// <summary>
/// <c>labrunner import PAGE.md</c>: turns one mkdocs-material workshop page into a lab skeleton (lab.yaml, one page a
/// step, the recap, the images found next to the page). Reads the page as lint reads a lab's pages (UTF-8 text of at
/// most 1 MiB) and writes only into a new or empty folder.
/// </summary>
public static class LabImporter
{
    public const string RecapId = "recap";

    private const long MaxCopiedFileBytes = 16 * 1024 * 1024;

    /// <summary>Reads and plans the import of <paramref name="pagePath"/> without writing anything.</summary>
    public static (ImportedLab? Lab, string? Problem) Plan(string pagePath, string? outFolder)
    {
        var read = TextFileReader.Read(pagePath, pagePath);
        if (read.Text is not { } source)
            return (null, read.Problem!.Message);
        var parse = LabMarkdown.TryParse(source.Text);
        if (parse.Document is null)
            return (null, $"{pagePath}: {parse.Problem}");
        var names = PageNames.Of(source.Text, parse.Document);
        var (page, problem) = WorkshopPageReader.Read(names.Markdown);
        if (page is null)
            return (null, $"{pagePath}: {problem}");
        var sections = StepPlanner.Plan(page, names);
        var title = page.Title is { Length: > 0 } pageTitle ? pageTitle : string.Join(" and ", page.Sections.Select(section => section.Title));
        var folderName = outFolder is null ? null : Path.GetFileName(Path.TrimEndingDirectorySeparator(outFolder));
        var id = Slugs.IsSlug(folderName) ? folderName! : Slugs.Of(title, "imported-lab");
        var instructions = page.Sections.Sum(section => section.Instructions.Count);
        var labsFolder = outFolder is null ? null : Path.GetDirectoryName(Path.GetFullPath(Path.TrimEndingDirectorySeparator(outFolder)));
        var schema = labsFolder is not null && File.Exists(Path.Join(labsFolder, "lab.schema.json")) ? "../lab.schema.json" : null;
        return (new ImportedLab(Path.GetFileName(pagePath), id, title, Description(page), Math.Clamp(instructions * 2, 5, 1440),
            names, sections, page.Recap, schema), null);
    }

    /// <summary>Imports <paramref name="pagePath"/> into <paramref name="outFolder"/>, which must not exist or be empty.</summary>
    public static ImportResult Import(string pagePath, string outFolder)
    {
        if (File.Exists(outFolder) || Directory.Exists(outFolder) && Directory.EnumerateFileSystemEntries(outFolder).Any())
            return Failed($"{outFolder} already exists and is not an empty folder; name a new folder with --out, or move it aside first");
        var (lab, problem) = Plan(pagePath, outFolder);
        if (lab is null)
            return Failed(problem!);
        var written = new List<string>();
        var missing = new List<string>();
        try
        {
            Directory.CreateDirectory(Path.Join(outFolder, "pages"));
            foreach (var step in lab.Sections.SelectMany(section => section.Steps))
                written.Add(WritePage(outFolder, step.Id, step.Page, pagePath, missing));
            if (lab.Recap is { } recap)
                written.Add(WritePage(outFolder, RecapId, $"# Recap\n\n{recap}\n", pagePath, missing));
            File.WriteAllText(Path.Join(outFolder, "lab.yaml"), LabManifestWriter.Write(lab));
            written.Add(Path.Join(outFolder, "lab.yaml"));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Failed($"{outFolder} cannot be written: {exception.Message}");
        }
        return new ImportResult(null, lab, written, [.. missing.Distinct()]);
    }

    private static ImportResult Failed(string problem) => new(problem, null, [], []);

    /// <summary>
    /// Writes a page into pages/: a relative link is made relative to pages/ and the file it names copied in from beside
    /// the source page; a link to a file outside the page's folder becomes text naming it, so the lab never reaches out.
    /// </summary>
    private static string WritePage(string outFolder, string id, string markdown, string sourcePage, List<string> missing)
    {
        var sourceFolder = Path.GetDirectoryName(Path.GetFullPath(sourcePage))!;
        var text = new StringBuilder(markdown);
        var links = LabMarkdown.Parse(markdown).Descendants<LinkInline>()
            .Where(link => IsLocal(link.Url) && link.UrlSpan.Start >= 0 && markdown.AsSpan(link.UrlSpan.Start).StartsWith(link.Url));
        foreach (var link in links.OrderByDescending(link => link.Span.Start))
        {
            var url = link.Url!;
            if (Beside(sourceFolder, url) is not { } source)
            {
                missing.Add(url);
                text.Remove(link.Span.Start, link.Span.Length).Insert(link.Span.Start, AsText(link));
                continue;
            }
            if (!Copy(source, Path.Join(outFolder, Path.GetRelativePath(sourceFolder, source))))
                missing.Add(url);
            text.Insert(link.UrlSpan.Start, "../");
        }
        var path = Path.Join(outFolder, "pages", $"{id}.md");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    /// <summary>A path, not an address (scheme:), an anchor (#) or a site path (/).</summary>
    private static bool IsLocal(string? url) =>
        url is { Length: > 0 } && !url.StartsWith('/') && !url.StartsWith('#') && !url.Contains(':', StringComparison.Ordinal);

    /// <summary>The file a relative link names, when it is inside the source page's folder.</summary>
    private static string? Beside(string sourceFolder, string url)
    {
        var source = Path.GetFullPath(Path.Join(sourceFolder, url.Split('#', '?')[0]));
        return source.StartsWith(sourceFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? source : null;
    }

    /// <summary>Copies a regular file of reasonable size; false when there is none to copy.</summary>
    private static bool Copy(string source, string target)
    {
        if (FileKinds.Of(source) != FileKind.Regular || new FileInfo(source).Length > MaxCopiedFileBytes)
            return false;
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (!File.Exists(target))
            File.Copy(source, target);
        return true;
    }

    private static string AsText(LinkInline link) => link.IsImage
        ? MissingImages.Placeholder(MissingImages.AltText(link), link.Url!)
        : MissingImages.Escape($"{MissingImages.AltText(link)} ({link.Url})");

    private static string Description(WorkshopPage page)
    {
        var intro = page.Sections.Select(section => section.Intro).FirstOrDefault(text => text.Trim().Length > 0) ?? "";
        var plain = Markdig.Markdown.ToPlainText(intro, LabMarkdown.Pipeline).Trim().Split("\n\n", 2)[0].ReplaceLineEndings(" ");
        if (plain.Length == 0)
            return $"Imported from a workshop page: {string.Join(", ", page.Sections.Select(section => section.Title))}.";
        return plain.Length <= 300 ? plain : plain[..plain.LastIndexOf(' ', 300)] + "…";
    }
}
