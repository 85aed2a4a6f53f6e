using LabRunner.Content.Loading;
using LabRunner.Content.Model;

namespace LabRunner.Tui.Labs;

/// <summary>A lab the picker lists: loaded, or the reason it cannot be opened.</summary>
/// <param name="Folder">The lab's folder as found.</param>
/// <param name="Problems">Why it cannot be opened (the loader's error findings, with file and line); empty when <see cref="Lab"/> is set.</param>
public sealed record LabEntry(string Folder, Lab? Lab, IReadOnlyList<string> Problems)
{
    /// <summary>The lab's title, or its folder name when it could not be loaded.</summary>
    public string Title => Lab?.Title ?? Path.GetFileName(Path.TrimEndingDirectorySeparator(Folder));

    public static LabEntry Load(string folder)
    {
        try
        {
            var loaded = LabLoader.Load(folder);
            return new LabEntry(folder, loaded.Lab, loaded.Lab is null ? loaded.Findings.Where(finding => finding.IsError).Select(finding => finding.ToString()).ToList() : []);
        }
        catch (Exception unexpected)
        {
            // The loader reports every problem of a lab as a finding; should one still escape, it costs this lab, not the picker.
            return new LabEntry(folder, null, [$"{folder}: LabRunner could not load this lab: {unexpected.Message}"]);
        }
    }
}

/// <summary>
/// Finds the labs under a set of folders: every sub-folder holding a lab.yaml, sorted by title within a folder. A lab id
/// found in several folders is listed once, from the first (so an exported, edited copy stands in for a built-in lab).
/// </summary>
public static class LabCatalog
{
    public static IReadOnlyList<LabEntry> Load(IEnumerable<string> folders) =>
        folders.Where(Directory.Exists)
            .SelectMany(folder => LabFolders(folder)
                .Select(LabEntry.Load)
                .OrderBy(entry => entry.Title, StringComparer.CurrentCultureIgnoreCase))
            .DistinctBy(entry => entry.Lab?.Id ?? entry.Folder)
            .ToList();

    /// <summary>The sub-folders holding a lab.yaml; none when the folder cannot be listed.</summary>
    private static IEnumerable<string> LabFolders(string folder)
    {
        try
        {
            return Directory.GetDirectories(folder).Where(candidate => File.Exists(Path.Combine(candidate, LabLoader.ManifestFileName)));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>
    /// The lab <paramref name="reference"/> names: a folder holding a lab.yaml (or the manifest itself), else the id or
    /// folder name of a lab in <paramref name="catalog"/>; null when nothing matches.
    /// </summary>
    public static LabEntry? Find(string reference, IReadOnlyList<LabEntry> catalog)
    {
        if (File.Exists(Path.Combine(reference, LabLoader.ManifestFileName)) || File.Exists(reference))
            return LabEntry.Load(reference);
        return catalog.FirstOrDefault(entry => entry.Lab?.Id == reference)
            ?? catalog.FirstOrDefault(entry => Path.GetFileName(Path.TrimEndingDirectorySeparator(entry.Folder)) == reference);
    }

    /// <summary>Why <paramref name="reference"/> found no lab, naming where it was looked for.</summary>
    public static string NotFound(string reference, IEnumerable<string> folders) =>
        $"no lab '{reference}': it is not a folder with a lab.yaml, nor a lab in {string.Join(", ", folders)}";
}
