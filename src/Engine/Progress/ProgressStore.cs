using System.Text;
using System.Text.Json;

namespace LabRunner.Engine.Progress;

/// <summary>The outcome of loading progress: the progress, and a warning for the learner when a damaged file had to be set aside.</summary>
public sealed record ProgressLoad(LabProgress Progress, string? Warning);

/// <summary>
/// Progress files under <c>&lt;data dir&gt;/progress/&lt;lab&gt;/&lt;target&gt;/&lt;learner&gt;.json</c>. Writes replace the file
/// atomically (a crash leaves the old or the new file); a file that cannot be read is moved aside, never silently dropped.
/// </summary>
public sealed class ProgressStore(string dataDirectory, TimeProvider time)
{
    public string Root { get; } = Path.Combine(dataDirectory, "progress");

    public string PathFor(string lab, string target, string learner) =>
        Path.Combine(Root, Segment(lab), Segment(target), Segment(learner) + ".json");

    public ProgressLoad Load(string lab, string target, string learner)
    {
        var path = PathFor(lab, target, learner);
        var fresh = new LabProgress { Lab = lab, Target = target, Learner = learner };
        if (!File.Exists(path))
            return new ProgressLoad(fresh, null);
        try
        {
            var progress = Read(path);
            if (progress.Lab != lab || progress.Learner != learner || progress.Target != target)
                throw new InvalidDataException($"it holds lab {progress.Lab}, learner {progress.Learner}, target {progress.Target}");
            return new ProgressLoad(progress, null);
        }
        catch (Exception damaged) when (damaged is JsonException or InvalidDataException or NotSupportedException)
        {
            var aside = $"{path}.corrupt-{time.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}";
            File.Move(path, aside, overwrite: true);
            return new ProgressLoad(fresh, $"progress file {path} could not be read ({FirstLine(damaged.Message)}); it was moved to {aside} and this run starts afresh");
        }
    }

    public void Save(LabProgress progress)
    {
        progress.UpdatedAt = time.GetUtcNow();
        var path = PathFor(progress.Lab, progress.Target, progress.Learner);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                JsonSerializer.Serialize(stream, progress, ProgressJson.Default.LabProgress);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
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
                found.Add(Read(file));
            }
            catch (Exception damaged) when (damaged is JsonException or InvalidDataException or NotSupportedException or IOException)
            {
                // Listed later by Load, which sets the file aside and says so.
            }
        }
        return found.OrderByDescending(progress => progress.UpdatedAt).ToList();
    }

    private static LabProgress Read(string path)
    {
        var progress = JsonSerializer.Deserialize(File.ReadAllBytes(path), ProgressJson.Default.LabProgress)
            ?? throw new InvalidDataException("it is empty");
        if (progress.Version != LabProgress.CurrentVersion)
            throw new InvalidDataException($"it is version {progress.Version}, this LabRunner reads version {LabProgress.CurrentVersion}");
        return progress;
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
