using LabRunner.Content.Files;
using LabRunner.Content.Findings;
using LabRunner.Content.Loading;
using LabRunner.Content.Model;

namespace LabRunner.Content.Lint;

/// <summary>Everything a run needs, checked without touching AWS: the manifest, then every page it names.</summary>
public static class LabLinter
{
    public static LintReport Lint(string labPath)
    {
        var load = LabLoader.Load(labPath);
        if (load.Parsed is not { } lab || load.Folder is not { } folder)
            return new LintReport(labPath, load.Findings, load.CouldRead);
        var scope = PlaceholderScope.Of(lab);
        var pageFindings = Pages(lab)
            .Where(page => page.FullPath.Length > 0 && FileKinds.Of(page.FullPath) == FileKind.Regular)
            .DistinctBy(page => page.FullPath)
            .SelectMany(page => PageLinter.Lint(folder, page, scope));
        return new LintReport(labPath, [.. load.Findings, .. pageFindings], CouldRead: true);
    }

    private static IEnumerable<PageRef> Pages(Lab lab) =>
        lab.Steps.Select(step => step.Page).Concat(lab.Recap is null ? [] : [lab.Recap]);
}

/// <summary>A lab's findings: the manifest's in file order, then each page's.</summary>
/// <param name="CouldRead">False when the lab could not be read at all: lint exits 2.</param>
public sealed record LintReport(string LabPath, IReadOnlyList<Finding> Findings, bool CouldRead)
{
    public int Errors => Findings.Count(finding => finding.IsError);

    public int Warnings => Findings.Count - Errors;
}
