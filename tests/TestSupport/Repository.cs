namespace LabRunner.TestSupport;

/// <summary>Paths inside the repository the tests run from (found by walking up to LabRunner.sln).</summary>
public static class Repository
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    public static string PathOf(params string[] parts) => Path.Join([Root, .. parts]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Join(directory.FullName, "LabRunner.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException($"No LabRunner.sln above {AppContext.BaseDirectory}.");
    }
}
