namespace LabRunner.TestSupport;

/// <summary>A private folder for one test, removed afterwards.</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("labrunner-test-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
