using System.Text.Json;
using System.Text.Json.Serialization;
using LabRunner.Content.Files;
using LabRunner.Sandbox.Accounts;

namespace LabRunner.Sandbox.State;

/// <summary>The on-disk shape of the sandbox's state.</summary>
public sealed record StateDocument(
    int FormatVersion,
    IReadOnlyList<ClusterRecord> Clusters,
    IReadOnlyList<InstanceRecord> Instances,
    IReadOnlyList<SnapshotRecord> Snapshots)
{
    public const int CurrentFormatVersion = 1;

    /// <summary>Counts the saves of this file, whoever made them; written first, so a process can tell cheaply whether the file changed since it last read it.</summary>
    [JsonPropertyOrder(-1)]
    public long Generation { get; init; }

    /// <summary>The sandbox's identity (<see cref="AccountSet.Identity"/>); absent in files from before it had one.</summary>
    public string? SandboxId { get; init; }

    /// <summary>The class served, with its keys; null for the single-learner sandbox.</summary>
    public ClassRoster? Class { get; init; }

    /// <summary>Each learner's account (none in a file from before classes); the lists above are the default account's.</summary>
    public IReadOnlyList<LearnerAccountDocument>? LearnerAccounts { get; init; }

    public static StateDocument From(AccountSet accounts, long generation) =>
        new(CurrentFormatVersion, [.. accounts.Default.Clusters.Values], [.. accounts.Default.Instances.Values], [.. accounts.Default.Snapshots.Values])
        {
            Generation = generation,
            SandboxId = accounts.Identity,
            Class = accounts.Class,
            LearnerAccounts = [.. accounts.Learners.Select(pair => new LearnerAccountDocument(pair.Key, [.. pair.Value.Clusters.Values], [.. pair.Value.Instances.Values], [.. pair.Value.Snapshots.Values]))],
        };
}

/// <summary>One learner's account in the state file.</summary>
public sealed record LearnerAccountDocument(
    string Learner,
    IReadOnlyList<ClusterRecord> Clusters,
    IReadOnlyList<InstanceRecord> Instances,
    IReadOnlyList<SnapshotRecord> Snapshots);

/// <summary>
/// Which version of the state file a process holds: its generation, length and last write time. Any save changes the
/// generation; the length and time also catch an edit by hand or by a LabRunner that did not count generations.
/// </summary>
public readonly record struct StateStamp(long Generation, long Length, DateTime LastWriteUtc)
{
    /// <summary>No file: what a process holds before the first save.</summary>
    public static readonly StateStamp Missing = new(0, -1, DateTime.MinValue);
}

/// <summary>The accounts read from the state file, and the version they come from.</summary>
public sealed record LoadedState(AccountSet Accounts, StateStamp Stamp);

/// <summary>
/// The sandbox's JSON state file, readable only by its owner (a class's keys are in it), which several processes may share (every check, perform and run starts a sandbox
/// on the data folder's state). Writers take <see cref="Lock"/> around read-modify-write; saves replace the file
/// atomically (<see cref="AtomicFile"/>), so readers need no lock and a process killed at any instant leaves either
/// the old or the new state.
/// </summary>
public sealed class StateFile(string path)
{
    /// <summary>How much of the file's start holds its generation.</summary>
    private const int HeaderBytes = 64;

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>The lock file beside the state that every writer holds.</summary>
    public string LockPath => Path + ".lock";

    /// <summary>Excludes every other writer of this file, in this process and others, until disposed.</summary>
    public FileLock Lock() => FileLock.Acquire(LockPath);

    /// <summary>
    /// The file's accounts (empty ones when there is no file yet) when its version differs from
    /// <paramref name="known"/>; null when it is still that version.
    /// </summary>
    /// <exception cref="SandboxStateException">The file exists but is not valid sandbox state.</exception>
    public LoadedState? LoadIfChanged(StateStamp? known)
    {
        try
        {
            using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var stamp = new StateStamp(ReadGeneration(stream), stream.Length, File.GetLastWriteTimeUtc(stream.SafeFileHandle));
            if (stamp == known)
                return null;
            stream.Position = 0;
            return new LoadedState(ToAccounts(Deserialize(stream)), stamp);
        }
        catch (Exception missing) when (missing is FileNotFoundException or DirectoryNotFoundException)
        {
            return known == StateStamp.Missing ? null : new LoadedState(new AccountSet(), StateStamp.Missing);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new SandboxStateException(Path, exception.Message);
        }
    }

    /// <summary>Replaces the file with <paramref name="document"/>; call it holding <see cref="Lock"/>. Returns the version written.</summary>
    public StateStamp Save(StateDocument document)
    {
        AtomicFile.RemoveStaleTemporaries(Path, DateTime.UtcNow);
        return AtomicFile.Replace(Path, stream =>
        {
            JsonSerializer.Serialize(stream, document, StateJson.Default.StateDocument);
            stream.Flush();
            return new StateStamp(document.Generation, stream.Length, File.GetLastWriteTimeUtc(stream.SafeFileHandle));
        });
    }

    /// <summary>The generation at the file's start, or -1 when it does not start with one (a file from an older LabRunner, or edited).</summary>
    private static long ReadGeneration(FileStream stream)
    {
        Span<byte> header = stackalloc byte[HeaderBytes];
        var read = stream.ReadAtLeast(header, HeaderBytes, throwOnEndOfStream: false);
        var reader = new Utf8JsonReader(header[..read], isFinalBlock: false, default);
        try
        {
            return reader.Read() && reader.TokenType == JsonTokenType.StartObject
                && reader.Read() && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("generation"u8)
                && reader.Read() && reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var generation)
                    ? generation
                    : -1;
        }
        catch (JsonException)
        {
            return -1;
        }
    }

    private static AccountSet ToAccounts(StateDocument document)
    {
        var accounts = new AccountSet { Class = document.Class, Identity = document.SandboxId };
        Fill(accounts.Default, document.Clusters, document.Instances, document.Snapshots);
        foreach (var learner in document.LearnerAccounts ?? [])
            Fill(accounts.LearnerAccount(learner.Learner), learner.Clusters, learner.Instances, learner.Snapshots);
        return accounts;
    }

    private static void Fill(SandboxState.Resources resources, IReadOnlyList<ClusterRecord> clusters, IReadOnlyList<InstanceRecord> instances, IReadOnlyList<SnapshotRecord> snapshots)
    {
        foreach (var cluster in clusters)
            resources.Clusters.Add(cluster.Id, cluster);
        foreach (var instance in instances)
            resources.Instances.Add(instance.Id, instance);
        foreach (var snapshot in snapshots)
            resources.Snapshots.Add(snapshot.Id, snapshot);
    }

    private StateDocument Deserialize(Stream stream)
    {
        try
        {
            var document = JsonSerializer.Deserialize(stream, StateJson.Default.StateDocument)
                ?? throw new SandboxStateException(Path, "it holds null instead of the sandbox's state");
            if (document.FormatVersion != StateDocument.CurrentFormatVersion)
                throw new SandboxStateException(Path, $"it has format version {document.FormatVersion}; this LabRunner reads version {StateDocument.CurrentFormatVersion}");
            var learnerAccounts = document.LearnerAccounts ?? [];
            var accounts = learnerAccounts.Select(learner => (learner.Clusters, learner.Instances, learner.Snapshots)).Prepend((document.Clusters, document.Instances, document.Snapshots)).ToList();
            EnsureUnique(accounts.SelectMany(account => account.Clusters).Select(cluster => cluster.Id), "cluster");
            EnsureUnique(accounts.SelectMany(account => account.Instances).Select(instance => instance.Id), "instance");
            EnsureUnique(accounts.SelectMany(account => account.Snapshots).Select(snapshot => snapshot.Id), "snapshot");
            EnsureUnique(learnerAccounts.Select(learner => learner.Learner), "learner account");
            return document;
        }
        catch (JsonException exception)
        {
            var where = exception.LineNumber is { } line ? $" at line {line + 1}" : "";
            throw new SandboxStateException(Path, $"it is not valid sandbox state{where}: {exception.Message}");
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
