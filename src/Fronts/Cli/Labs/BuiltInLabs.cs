using System.Reflection;
using System.Security.Cryptography;

namespace LabRunner.Cli.Labs;

/// <summary>
/// The labs that travel inside the labrunner binary (the repository's <c>labs/</c>, embedded at build time), so it works
/// from any folder. The loader reads labs from disk, confined to their folder, so they are written out once per
/// content version to a cache folder and read from there like any other lab.
/// </summary>
public static class BuiltInLabs
{
    private const string ResourcePrefix = "built-in-labs/";

    private static readonly Assembly Assembly = typeof(BuiltInLabs).Assembly;

    private static readonly Lazy<IReadOnlyList<string>> Resources = new(() =>
        Assembly.GetManifestResourceNames().Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList());

    /// <summary>The built-in labs' folder names, e.g. <c>aurora-backup</c>.</summary>
    public static IReadOnlyList<string> Names =>
        Resources.Value.Select(name => name[ResourcePrefix.Length..].Split('/')[0]).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// The folder holding every built-in lab, written under <paramref name="cacheRoot"/> if this version's copy is not
    /// there yet. Concurrent processes each write a private copy and the first rename wins.
    /// </summary>
    public static string Materialize(string cacheRoot)
    {
        var folder = Path.Combine(cacheRoot, "built-in-labs", ContentHash());
        if (Directory.Exists(folder))
            return folder;
        var staging = $"{folder}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            foreach (var resource in Resources.Value)
                WriteResource(resource, resource[ResourcePrefix.Length..], staging);
            Directory.Move(staging, folder);
        }
        catch (IOException) when (Directory.Exists(folder))
        {
            // another process got there first with the same content
        }
        finally
        {
            if (Directory.Exists(staging))
                Directory.Delete(staging, recursive: true);
        }
        return folder;
    }

    /// <summary>Writes the built-in lab <paramref name="name"/> into the new or empty folder <paramref name="destination"/>; returns the files written.</summary>
    public static IReadOnlyList<string> Export(string name, string destination)
    {
        var prefix = $"{ResourcePrefix}{name}/";
        var written = new List<string>();
        foreach (var resource in Resources.Value.Where(resource => resource.StartsWith(prefix, StringComparison.Ordinal)))
            written.Add(WriteResource(resource, resource[prefix.Length..], destination));
        return written;
    }

    private static string WriteResource(string resource, string relativePath, string root)
    {
        var path = Path.Combine([root, .. relativePath.Split('/')]);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var source = Assembly.GetManifestResourceStream(resource)!;
        using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        source.CopyTo(target);
        return path;
    }

    private static string ContentHash()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var resource in Resources.Value)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(resource + "\n"));
            using var stream = Assembly.GetManifestResourceStream(resource)!;
            var buffer = new byte[stream.Length];
            stream.ReadExactly(buffer);
            hash.AppendData(buffer);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }
}
