using System.Diagnostics;
using LabRunner.Content.Findings;
using LabRunner.Content.Learners;
using LabRunner.Content.Lint;
using LabRunner.Content.Loading;
using LabRunner.Content.Markdown;

namespace LabRunner.TestSupport.Fuzzing;

/// <summary>
/// Runs mutated copies of a lab (see <see cref="LabMutator"/>) through what a lab meets in LabRunner: load and lint, and
/// for a lab that loads, binding a learner and laying out every page with their values. Each variant runs in a task
/// with a generous time bound, so a hang is reported instead of stopping the run. A crash is any exception (the
/// loader reports problems as findings, never by throwing); an unlocated finding is one whose position is not in its
/// file or whose text is not one line.
/// </summary>
public sealed class LabFuzzer(string sourceLab, string scratch)
{
    public static readonly TimeSpan DefaultBound = TimeSpan.FromSeconds(20);

    private readonly IReadOnlyDictionary<string, byte[]> original = Directory
        .EnumerateFiles(sourceLab, "*", SearchOption.AllDirectories)
        .ToDictionary(file => Path.GetRelativePath(sourceLab, file).Replace('\\', '/'), File.ReadAllBytes);

    public FuzzReport Run(int count, int seed, TimeSpan? bound = null, int firstVariant = 0)
    {
        var report = new FuzzReport(seed);
        var folder = Path.Join(scratch, "variant");
        for (var index = firstVariant; index < firstVariant + count; index++)
        {
            var (files, description) = LabMutator.Variant(original, seed, index);
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
            foreach (var (relative, bytes) in files)
            {
                var path = Path.Join(folder, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, bytes);
            }
            var clock = Stopwatch.StartNew();
            var run = Task.Run(() => Exercise(folder));
            if (!run.Wait(bound ?? DefaultBound))
            {
                report.Hangs.Add($"#{index} ({description})");
                folder = Path.Join(scratch, $"variant-after-{index}"); // the hung run may still read the old one
                continue;
            }
            report.Record(index, description, run.Result, clock.Elapsed);
        }
        return report;
    }

    private static VariantOutcome Exercise(string folder)
    {
        try
        {
            var lint = LabLinter.Lint(folder);
            var unlocated = lint.Findings.Select(finding => UnlocatedReason(finding)).OfType<string>().ToList();
            var load = LabLoader.Load(folder);
            if (load.Lab is { } lab && LearnerBinding.Bind(lab, new Dictionary<string, string> { ["yourname"] = "alice" }).Learner is { } learner)
            {
                foreach (var page in lab.Steps.Select(step => step.Page).Append(lab.Recap).OfType<Content.Model.PageRef>())
                    unlocated.AddRange(PageLoader.Load(lab, page, learner.Values).Findings.Select(UnlocatedReason).OfType<string>());
            }
            return new VariantOutcome(lint.Findings, unlocated, null);
        }
        catch (Exception exception)
        {
            return new VariantOutcome([], [], exception);
        }
    }

    /// <summary>Why <paramref name="finding"/> does not point at a place in its file on one line of text, or null when it does.</summary>
    private static string? UnlocatedReason(Finding finding)
    {
        var text = finding.ToString();
        if (text.AsSpan().IndexOfAny("\n\r\u2028\u2029\u0085") >= 0)
            return $"not one line: {text}";
        var location = finding.Location;
        if (location.File.Length == 0 || location.Line < 1 || location.Column < 1)
            return $"no position: {text}";
        if (!File.Exists(location.File))
            return $"no such file: {text}";
        var lines = Lines(File.ReadAllText(location.File));
        if (location.Line > lines.Count || location.Column > lines[location.Line - 1] + 2)
            return $"outside its file ({lines.Count} lines): {text}";
        return null;
    }

    /// <summary>The length of each line, lines ending as an editor ends them: LF, CR or CRLF.</summary>
    private static List<int> Lines(string text)
    {
        var lengths = new List<int>();
        var start = 0;
        for (var index = 0; index < text.Length; index++)
        {
            if (text[index] is not ('\n' or '\r'))
                continue;
            lengths.Add(index - start);
            if (text[index] == '\r' && index + 1 < text.Length && text[index + 1] == '\n')
                index++;
            start = index + 1;
        }
        lengths.Add(text.Length - start);
        return lengths;
    }
}

public sealed record VariantOutcome(IReadOnlyList<Finding> Findings, IReadOnlyList<string> Unlocated, Exception? Crash);

/// <summary>What a fuzz run found: crashes, hangs and unlocated findings (each naming its variant), and how the variants fared.</summary>
public sealed class FuzzReport(int seed)
{
    public int Seed { get; } = seed;

    public int Variants { get; private set; }

    public List<string> Crashes { get; } = [];

    public List<string> Hangs { get; } = [];

    public List<string> Unlocated { get; } = [];

    public int Findings { get; private set; }

    public int VariantsWithErrors { get; private set; }

    public SortedSet<string> Codes { get; } = new(StringComparer.Ordinal);

    /// <summary>The five slowest variants, slowest first.</summary>
    public List<(TimeSpan Elapsed, string Variant)> Slowest { get; } = [];

    public TimeSpan Total { get; private set; }

    internal void Record(int index, string description, VariantOutcome outcome, TimeSpan elapsed)
    {
        Variants++;
        Total += elapsed;
        Slowest.Add((elapsed, $"#{index} ({description})"));
        Slowest.Sort((a, b) => b.Elapsed.CompareTo(a.Elapsed));
        if (Slowest.Count > 5)
            Slowest.RemoveAt(5);
        if (outcome.Crash is { } crash)
            Crashes.Add($"#{index} ({description}): {crash.GetType().Name}: {crash.Message}\n{crash.StackTrace}");
        Unlocated.AddRange(outcome.Unlocated.Select(reason => $"#{index} ({description}): {reason}"));
        Findings += outcome.Findings.Count;
        VariantsWithErrors += outcome.Findings.Any(finding => finding.IsError) ? 1 : 0;
        Codes.UnionWith(outcome.Findings.Select(finding => finding.Code.Id));
    }

    public override string ToString() =>
        $"seed {Seed}: {Variants + Hangs.Count} variants, {Crashes.Count} crashes, {Hangs.Count} hangs, {Unlocated.Count} unlocated findings; " +
        $"{VariantsWithErrors} variants with errors, {Findings} findings, codes {string.Join(" ", Codes)}; " +
        $"total {Total.TotalSeconds:0.0} s; slowest: {string.Join("; ", Slowest.Select(slow => $"{slow.Elapsed.TotalMilliseconds:0} ms {slow.Variant}"))}";
}
