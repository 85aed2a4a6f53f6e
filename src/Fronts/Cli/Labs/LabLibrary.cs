using LabRunner.Content.Loading;

namespace LabRunner.Cli.Labs;

/// <summary>
/// Where labs are found, in order of precedence: folders given with <c>--labs</c>, <c>labs/</c> in the current folder,
/// then the labs built into labrunner. A lab named on the command line is a path, or the folder name of a lab found
/// there, so <c>labrunner check aurora-backup</c> works from any folder.
/// </summary>
public sealed class LabLibrary
{
    /// <summary><c>labs/</c> in the current directory.</summary>
    public const string LocalFolder = "labs";

    private readonly IReadOnlyList<string> searched;
    private readonly Lazy<string> builtIn = new(MaterializeBuiltIn);

    public LabLibrary(IEnumerable<string>? extraFolders = null) =>
        searched = [.. (extraFolders ?? []).Append(LocalFolder).Distinct(StringComparer.Ordinal)];

    /// <summary>Every folder searched for labs, the built-in labs' last.</summary>
    public IReadOnlyList<string> Folders => [.. searched, builtIn.Value];

    /// <summary>The path of the lab <paramref name="reference"/> names: itself when it is a path, else a lab's folder in the library.</summary>
    /// <exception cref="CliFailure">Nothing by that name (exit 2), naming where it was looked for and what there is.</exception>
    public string Resolve(string reference)
    {
        if (Directory.Exists(reference) || File.Exists(reference) || LooksLikePath(reference))
            return reference;
        var found = searched.Append(builtIn.Value)
            .Select(folder => Path.Combine(folder, reference))
            .FirstOrDefault(candidate => File.Exists(Path.Combine(candidate, LabLoader.ManifestFileName)));
        return found ?? throw CliFailure.Usage(
            $"no lab '{reference}': it is not a folder with a lab.yaml, nor a lab in {string.Join(", ", searched)} or built in ({string.Join(", ", BuiltInLabs.Names)})");
    }

    private static bool LooksLikePath(string reference) =>
        reference.Contains('/') || reference.Contains(Path.DirectorySeparatorChar) || reference.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase);

    /// <summary>The built-in labs' folder, under the user's cache folder (<c>$XDG_CACHE_HOME/labrunner</c> or <c>~/.cache/labrunner</c>).</summary>
    private static string MaterializeBuiltIn()
    {
        var xdgCache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var cache = string.IsNullOrWhiteSpace(xdgCache)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache")
            : xdgCache;
        var root = Path.Combine(cache, "labrunner");
        try
        {
            return BuiltInLabs.Materialize(root);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw CliFailure.Usage($"the built-in labs cannot be written to {root}: {exception.Message}; set XDG_CACHE_HOME to a folder you can write");
        }
    }
}
