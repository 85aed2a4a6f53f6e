namespace LabRunner.Engine.Tests;

/// <summary>A private folder for one test, removed afterwards.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("labrunner-engine-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
