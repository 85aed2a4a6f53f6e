using System.Text;
using System.Text.Json;
using LabRunner.Content.Files;

namespace LabRunner.Engine.Progress;

/// <summary>The outcome of loading progress: the progress, and a warning for the learner when a damaged file had to be set aside.</summary>
public sealed record ProgressLoad(LabProgress Progress, string? Warning);

/// <summary>
/// Progress files under <c>&lt;data dir&gt;/progress/&lt;lab&gt;/&lt;target&gt;/&lt;learner&gt;.json</c>, which several processes
/// may use at once. Writes replace a file atomically (a crash leaves the old or the new file) under one lock for the
/// whole store, merging in what another process saved meanwhile, so no acknowledgement is ever lost. A file that
/// cannot be used (damaged, too large, a folder) is moved aside, never silently dropped.
/// </summary>
public sealed class ProgressStore(string dataDirectory, TimeProvider time)
{
    /// <summary>A progress file is a few kilobytes; anything far larger is not one, and is not read into memory.</summary>
    public const long MaxFileBytes = 4 * 1024 * 1024;

    public string Root { get; } = Path.Combine(dataDirectory, "progress");

    private string LockPath => Path.Combine(Root, ".lock");

    public string PathFor(string lab, string target, string learner) =>
        Path.Combine(Root, Segment(lab), Segment(target), Segment(learner) + ".json");

    public ProgressLoad Load(string lab, string target, string learner)
    {
        var path = PathFor(lab, target, learner);
        var fresh = new LabProgress { Lab = lab, Target = target, Learner = learner };
        try
        {
            return new ProgressLoad(ReadOwn(path, fresh) ?? fresh, null);
        }
        catch (Exception damaged) when (IsDamage(damaged))
        {
            // Only one process sets a file aside; another may have done so, and saved afresh, while this one waited.
            using var exclusive = FileLock.Acquire(LockPath);
            try
            {
                return new ProgressLoad(ReadOwn(path, fresh) ?? fresh, null);
            }
            catch (Exception stillDamaged) when (IsDamage(stillDamaged))
            {
                var aside = SetAside(path);
                return new ProgressLoad(fresh, $"progress file {path} could not be read ({FirstLine(stillDamaged.Message)}); it was moved to {aside} and this run starts afresh");
            }
        }
    }

    /// <summary>Saves <paramref name="progress"/>, first merging into it what another process saved for the same learner (see <see cref="LabProgress.MergeSaved"/>).</summary>
    public void Save(LabProgress progress)
    {
        var path = PathFor(progress.Lab, progress.Target, progress.Learner);
        using var exclusive = FileLock.Acquire(LockPath);
        try
        {
            if (ReadOwn(path, progress) is { } saved)
                progress.MergeSaved(saved);
        }
        catch (Exception damaged) when (IsDamage(damaged))
        {
            SetAside(path);
        }
        progress.UpdatedAt = time.GetUtcNow();
        AtomicFile.RemoveStaleTemporaries(path, DateTime.UtcNow);
        AtomicFile.Replace(path, stream => JsonSerializer.Serialize(stream, progress, ProgressJson.Default.LabProgress));
    }

    /// <summary>Every readable progress of a lab on a target, most recently updated first (for a picker, and to remember the last learner).</summary>
    public IReadOnlyList<LabProgress> List(string lab, string target)
    {
        var folder = Path.Combine(Root, Segment(lab), Segment(target));
        if (!Directory.Exists(folder))
            return [];
        var found = new List<LabProgress>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json"))
        {
            try
            {
                if (Read(file) is { } progress)
                    found.Add(progress);
            }
            catch (Exception damaged) when (IsDamage(damaged) || damaged is IOException)
            {
                // Listed later by Load, which sets the file aside and says so.
            }
        }
        return found.OrderByDescending(progress => progress.UpdatedAt).ToList();
    }

    /// <summary>The progress saved at <paramref name="path"/> if it is <paramref name="expected"/>'s lab, target and learner; null when nothing is saved.</summary>
    private static LabProgress? ReadOwn(string path, LabProgress expected)
    {
        var progress = Read(path);
        if (progress is not null && (progress.Lab != expected.Lab || progress.Learner != expected.Learner || progress.Target != expected.Target))
            throw new InvalidDataException($"it holds lab {progress.Lab}, learner {progress.Learner}, target {progress.Target}");
        return progress;
    }

    /// <summary>The progress in <paramref name="path"/>, or null when there is no such file.</summary>
    private static LabProgress? Read(string path)
    {
        if (Directory.Exists(path))
            throw new InvalidDataException("it is a folder, not a file");
        byte[] bytes;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (stream.Length > MaxFileBytes)
                throw new InvalidDataException($"it is {stream.Length / (1024.0 * 1024.0):0.#} MiB; a progress file is at most {MaxFileBytes / (1024 * 1024)} MiB");
            bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
        }
        catch (Exception missing) when (missing is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        var json = bytes.AsSpan();
        if (json.StartsWith(Encoding.UTF8.Preamble))
            json = json[Encoding.UTF8.Preamble.Length..];
        var progress = JsonSerializer.Deserialize(json, ProgressJson.Default.LabProgress)
            ?? throw new InvalidDataException("it is empty");
        if (progress.Version != LabProgress.CurrentVersion)
            throw new InvalidDataException($"it is version {progress.Version}, this LabRunner reads version {LabProgress.CurrentVersion}");
        return progress;
    }

    private static bool IsDamage(Exception exception) =>
        exception is JsonException or InvalidDataException or NotSupportedException or UnauthorizedAccessException or EndOfStreamException;

    /// <summary>Moves an unusable file (or folder) out of the way, keeping it for a person to look at; returns where it went.</summary>
    private string SetAside(string path)
    {
        var stamp = $"{path}.corrupt-{time.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}";
        // Never over one set aside earlier in the same second: each damaged file is kept.
        var aside = Enumerable.Range(1, int.MaxValue).Select(copy => copy == 1 ? stamp : $"{stamp}-{copy}")
            .First(candidate => !File.Exists(candidate) && !Directory.Exists(candidate));
        if (Directory.Exists(path))
            Directory.Move(path, aside);
        else
            File.Move(path, aside);
        return aside;
    }

    /// <summary>A file or folder name from a lab id, learner or target key: anything but letters, digits, '.', '-', '_', '+' becomes '_'.</summary>
    private static string Segment(string name)
    {
        var safe = new StringBuilder(name.Length);
        foreach (var character in name)
            safe.Append(char.IsAsciiLetterOrDigit(character) || character is '-' or '_' or '+' ? character : '_');
        return safe.Length == 0 ? "_" : safe.ToString();
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
