using LabRunner.Content.Files;

namespace LabRunner.Engine.Passes;

/// <summary>A pass as read, with where it came from (<c>passes/alice.json</c>, <c>chat.txt:3</c>).</summary>
public sealed record ReadPass(string Source, ProgressPass Pass);

/// <summary>
/// Reads passes from files and folders: a file holds one pass as JSON, or passes in their one-line form, one a line
/// (blank lines and lines starting with <c>#</c> skipped); a folder, every <c>*.json</c> and <c>*.txt</c> file directly
/// in it. Passes are hostile input: only regular UTF-8 text files (see <see cref="TextFileReader"/>) of at most <see cref="MaxFileBytes"/> characters, at most
/// <see cref="MaxPasses"/> passes in all, and anything else becomes a problem naming the file (and line).
/// </summary>
public static class PassFiles
{
    public const int MaxFileBytes = 256 * 1024;

    public const int MaxPasses = 5000;

    public static (IReadOnlyList<ReadPass> Passes, IReadOnlyList<string> Problems) Read(IEnumerable<string> paths)
    {
        var passes = new List<ReadPass>();
        var problems = new List<string>();
        foreach (var file in paths.SelectMany(path => Expand(path, problems)))
        {
            if (passes.Count >= MaxPasses)
            {
                problems.Add($"{file}: more than {MaxPasses} passes in all; the rest are not read");
                break;
            }
            ReadFile(file, passes, problems);
        }
        return (passes, problems);
    }

    private static IEnumerable<string> Expand(string path, List<string> problems)
    {
        if (Directory.Exists(path))
        {
            try
            {
                return Directory.GetFiles(path)
                    .Where(file => file.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal).ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add($"{path}: cannot list the folder: {e.Message}");
                return [];
            }
        }
        if (File.Exists(path))
            return [path];
        problems.Add($"{path}: no such file or folder");
        return [];
    }

    private static void ReadFile(string file, List<ReadPass> passes, List<string> problems)
    {
        var read = TextFileReader.Read(file, file);
        if (read.Text is not { } text)
        {
            problems.Add(read.Problem?.Message ?? $"{file}: cannot be read");
            return;
        }
        if (text.Text.Length > MaxFileBytes)
        {
            problems.Add($"{file}: larger than {MaxFileBytes / 1024} KiB, more than any file of passes needs");
            return;
        }
        var content = text.Text.TrimStart();
        if (content.StartsWith('{'))
        {
            Add(file, ProgressPass.FromJson(content), passes, problems);
            return;
        }
        var lines = text.Text.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index].Trim();
            if (line.Length > 0 && !line.StartsWith('#'))
                Add($"{file}:{index + 1}", ProgressPass.FromLine(line), passes, problems);
        }
    }

    private static void Add(string source, (ProgressPass? Pass, string? Problem) read, List<ReadPass> passes, List<string> problems)
    {
        if (read.Problem is { } problem)
            problems.Add($"{source}: {problem}");
        else if (read.Pass is { } pass)
            passes.Add(new ReadPass(source, pass));
    }
}
