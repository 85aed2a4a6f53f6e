using System.Text.Json;
using System.Text.Json.Serialization;

namespace LabRunner.Sandbox.State;

/// <summary>The on-disk shape of the sandbox's state.</summary>
public sealed record StateDocument(
    int FormatVersion,
    IReadOnlyList<ClusterRecord> Clusters,
    IReadOnlyList<InstanceRecord> Instances,
    IReadOnlyList<SnapshotRecord> Snapshots)
{
    public const int CurrentFormatVersion = 1;

    public static StateDocument From(SandboxState.Resources resources) =>
        new(CurrentFormatVersion, [.. resources.Clusters.Values], [.. resources.Instances.Values], [.. resources.Snapshots.Values]);
}

/// <summary>
/// The sandbox's JSON state file. Saves replace it atomically (write a temporary file beside it, flush it to disk,
/// rename over the old one), so a process killed at any instant leaves either the old or the new state.
/// </summary>
public sealed class StateFile(string path)
{
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>The saved resources, or empty ones when the file does not exist yet.</summary>
    /// <exception cref="SandboxStateException">The file exists but is not valid sandbox state.</exception>
    public SandboxState.Resources Load()
    {
        var resources = new SandboxState.Resources();
        if (!File.Exists(Path))
            return resources;
        var document = Deserialize();
        foreach (var cluster in document.Clusters)
            resources.Clusters.Add(cluster.Id, cluster);
        foreach (var instance in document.Instances)
            resources.Instances.Add(instance.Id, instance);
        foreach (var snapshot in document.Snapshots)
            resources.Snapshots.Add(snapshot.Id, snapshot);
        return resources;
    }

    public void Save(StateDocument document)
    {
        var directory = System.IO.Path.GetDirectoryName(Path)!;
        Directory.CreateDirectory(directory);
        var temporary = System.IO.Path.Combine(directory, $".{System.IO.Path.GetFileName(Path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                JsonSerializer.Serialize(stream, document, StateJson.Default.StateDocument);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, Path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    private StateDocument Deserialize()
    {
        try
        {
            using var stream = File.OpenRead(Path);
            var document = JsonSerializer.Deserialize(stream, StateJson.Default.StateDocument)
                ?? throw new SandboxStateException(Path, "it holds null instead of the sandbox's state");
            if (document.FormatVersion != StateDocument.CurrentFormatVersion)
                throw new SandboxStateException(Path, $"it has format version {document.FormatVersion}; this LabRunner reads version {StateDocument.CurrentFormatVersion}");
            EnsureUnique(document.Clusters.Select(cluster => cluster.Id), "cluster");
            EnsureUnique(document.Instances.Select(instance => instance.Id), "instance");
            EnsureUnique(document.Snapshots.Select(snapshot => snapshot.Id), "snapshot");
            return document;
        }
        catch (JsonException exception)
        {
            var where = exception.LineNumber is { } line ? $" at line {line + 1}" : "";
            throw new SandboxStateException(Path, $"it is not valid sandbox state{where}: {exception.Message}");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new SandboxStateException(Path, exception.Message);
        }
    }

    private void EnsureUnique(IEnumerable<string> identifiers, string kind)
    {
        var duplicate = identifiers.GroupBy(id => id, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
            throw new SandboxStateException(Path, $"it lists {kind} '{duplicate.Key}' twice");
    }
}

/// <summary>The state file's JSON, generated at compile time (LabRunner ships as a Native AOT binary).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(StateDocument))]
internal sealed partial class StateJson : JsonSerializerContext;

/// <summary>A state file that cannot be used; the message names the file and what is wrong, for a person to fix or move it.</summary>
public sealed class SandboxStateException(string file, string problem)
    : Exception($"The sandbox state file {file} cannot be read: {problem}. Fix it, or move it aside to start from an empty sandbox.")
{
    public string File { get; } = file;
}
