namespace LabRunner.TestSupport;

/// <summary>A private scratch folder for one test, removed afterwards.</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("labrunner-test-").FullName;

    public string PathOf(string relative) => System.IO.Path.Join(Path, relative);

    /// <summary>Writes <paramref name="text"/> (UTF-8) to <paramref name="relative"/>, making its folders; returns the file's path.</summary>
    public string Write(string relative, string text) => Write(relative, System.Text.Encoding.UTF8.GetBytes(text));

    public string Write(string relative, byte[] bytes)
    {
        var file = PathOf(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file, bytes);
        return file;
    }

    /// <summary>Copies the folder <paramref name="source"/> into this one as <paramref name="name"/>; returns its path.</summary>
    public string CopyFrom(string source, string name)
    {
        var target = PathOf(name);
        CopyTree(source, target);
        return target;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    /// <summary>Copies the folder <paramref name="from"/>, files and subfolders, to <paramref name="to"/>.</summary>
    public static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(directory.Replace(from, to, StringComparison.Ordinal));
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
    }
}
