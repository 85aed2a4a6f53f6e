using LabRunner.Content.Loading;
using LabRunner.Tui.Labs;

namespace LabRunner.Cli.Labs;

/// <summary>
/// Where labs are found, in order of precedence: folders given with <c>--labs</c>, <c>labs/</c> in the current folder,
/// then the labs built into labrunner. A lab named on the command line is a path, or the folder name or id of a lab
/// found there, so <c>labrunner check aurora-backup</c> works from any folder. The built-in labs are written to the
/// cache only when a lookup reaches them.
/// </summary>
public sealed class LabLibrary
{
    /// <summary><c>labs/</c> in the current directory.</summary>
    public const string LocalFolder = "labs";

    private readonly IReadOnlyList<string> searched;
    private readonly Lazy<string> builtIn = new(MaterializeBuiltIn);

    public LabLibrary(IEnumerable<string>? extraFolders = null) =>
        searched = [.. (extraFolders ?? []).Append(LocalFolder).Distinct(StringComparer.Ordinal)];

    /// <summary>Every folder searched for labs, the built-in labs' last (left out, with <see cref="BuiltInProblem"/> set, when they cannot be written).</summary>
    public IReadOnlyList<string> Folders => BuiltInFolder() is { } folder ? [.. searched, folder] : searched;

    /// <summary>Why the built-in labs are missing from <see cref="Folders"/>, or null.</summary>
    public string? BuiltInProblem { get; private set; }

    /// <summary>Whether <paramref name="folder"/> is where the built-in labs were written.</summary>
    public static bool IsBuiltIn(string folder) =>
        Path.GetFullPath(folder).StartsWith(Path.GetFullPath(Path.Combine(CacheRoot(), "built-in-labs")) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>The path of the lab <paramref name="reference"/> names: itself when it is a path, else a lab's folder in the library.</summary>
    /// <exception cref="CliFailure">Nothing by that name (exit 2), naming where it was looked for and what there is.</exception>
    public string Resolve(string reference)
    {
        if (Directory.Exists(reference) || File.Exists(reference) || LooksLikePath(reference))
            return reference;
        var byFolder = searched.Select(folder => Path.Combine(folder, reference)).FirstOrDefault(IsLab)
            ?? (BuiltInFolder() is { } builtInFolder && IsLab(Path.Combine(builtInFolder, reference)) ? Path.Combine(builtInFolder, reference) : null);
        return byFolder
            ?? LabCatalog.Find(reference, LabCatalog.Load(Folders))?.Folder
            ?? throw CliFailure.Usage(
                $"no lab '{reference}': it is not a folder with a lab.yaml, nor a lab in {string.Join(", ", searched)} or built in ({string.Join(", ", BuiltInLabs.Names)}){(BuiltInProblem is null ? "" : $"; {BuiltInProblem}")}");
    }

    private static bool IsLab(string folder) => File.Exists(Path.Combine(folder, LabLoader.ManifestFileName));

    private static bool LooksLikePath(string reference) =>
        reference.Contains('/') || reference.Contains(Path.DirectorySeparatorChar) || reference.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase);

    private string? BuiltInFolder()
    {
        try
        {
            return builtIn.Value;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            BuiltInProblem = $"the built-in labs cannot be written to {CacheRoot()}: {exception.Message}; set XDG_CACHE_HOME to a folder you can write";
            return null;
        }
    }

    /// <summary>The user's cache folder for labrunner: <c>$XDG_CACHE_HOME/labrunner</c> or <c>~/.cache/labrunner</c>.</summary>
    private static string CacheRoot()
    {
        var xdgCache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var cache = string.IsNullOrWhiteSpace(xdgCache)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache")
            : xdgCache;
        return Path.Combine(cache, "labrunner");
    }

    private static string MaterializeBuiltIn() => BuiltInLabs.Materialize(CacheRoot());
}
