using LabRunner.Content.Files;
using LabRunner.Content.Findings;
using LabRunner.Content.Kinds;
using LabRunner.Content.Model;

namespace LabRunner.Content.Loading;

/// <summary>Loads a lab's manifest (lab.yaml) into a <see cref="Lab"/>, with every problem located in the file.</summary>
public static class LabLoader
{
    public const string ManifestFileName = "lab.yaml";

    /// <param name="path">A lab folder, or its manifest file; shown in findings as given.</param>
    public static LabLoadResult Load(string path, KindCatalog? catalog = null)
    {
        if (!Directory.Exists(path) && !File.Exists(path))
            return LabLoadResult.CannotRead(FindingCodes.Unreadable.At(new SourceSpan(path, 1, 1), $"no lab at {path}: there is no such folder or file"));
        var (folderPath, manifestName) = Directory.Exists(path)
            ? (path, ManifestFileName)
            : (Path.GetDirectoryName(path) ?? "", Path.GetFileName(path));

        var folder = new LabFolder(folderPath.Length == 0 ? "." : folderPath, folderPath);
        var manifest = folder.Resolve(manifestName);
        var manifestStart = new SourceSpan(Path.Join(folderPath, manifestName).Replace('\\', '/'), 1, 1);
        if (manifest.Status == LabPathStatus.Refused)
            return LabLoadResult.CannotRead(FindingCodes.EscapesLab.At(manifestStart, manifest.Problem!));
        if (!manifest.Exists)
            return LabLoadResult.CannotRead(FindingCodes.Unreadable.At(manifestStart, $"{folder.DisplayRoot} is not a lab: {manifest.Problem}"));
        var text = LabFolder.ReadText(manifest);
        if (text.Problem is not null)
            return LabLoadResult.CannotRead(text.Problem);

        var (root, yamlProblem) = YamlDocumentReader.Read(text.Text!);
        if (yamlProblem is not null)
            return new LabLoadResult(null, null, [yamlProblem], folder, CouldRead: true);
        var context = new ManifestContext(text.Text!, folder);
        var lab = new LabManifestParser(context, catalog ?? KindCatalog.Default).Parse(root!);
        var findings = context.Findings.OrderBy(finding => finding.Location.Line).ThenBy(finding => finding.Location.Column).ToList();
        return new LabLoadResult(findings.Any(finding => finding.IsError) ? null : lab, lab, findings, folder, CouldRead: true);
    }
}

/// <summary>The loaded lab, or null when any finding is an error; the findings in file order.</summary>
/// <param name="Parsed">The lab as far as it could be read, even with errors (lint checks its pages); null when the YAML itself is broken.</param>
/// <param name="Folder">The lab folder, for reading its pages; null when there is none.</param>
/// <param name="CouldRead">False when the manifest could not be read at all (missing, unreadable, not text, too large).</param>
public sealed record LabLoadResult(Lab? Lab, Lab? Parsed, IReadOnlyList<Finding> Findings, LabFolder? Folder, bool CouldRead)
{
    public bool HasErrors => Findings.Any(finding => finding.IsError);

    internal static LabLoadResult CannotRead(Finding finding) => new(null, null, [finding], null, CouldRead: false);
}
