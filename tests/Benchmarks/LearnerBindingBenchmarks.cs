using BenchmarkDotNet.Attributes;
using LabRunner.Content.Learners;
using LabRunner.Content.Loading;
using LabRunner.Content.Model;
using LabRunner.TestSupport;

namespace LabRunner.Benchmarks;

/// <summary>
/// What the details screen runs on the UI thread at each keystroke: binding the typed values to the lab (patterns,
/// typed variables such as the backup window, resource names). Usage:
/// <c>dotnet run -c Release --project tests/Benchmarks -- --filter *LearnerBinding* --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class LearnerBindingBenchmarks
{
    private readonly Lab lab = LabLoader.Load(Repository.PathOf("labs", "aurora-backup")).Lab!;
    private readonly Dictionary<string, string> typed = new(StringComparer.Ordinal) { ["yourname"] = "alice", ["backup_window"] = "05:00-05:45" };
    private readonly Dictionary<string, string> longPaste = new(StringComparer.Ordinal) { ["yourname"] = new string('a', 10_000), ["backup_window"] = new string('9', 10_000) };

    [Benchmark(Description = "one keystroke: bind the Aurora lab's typed values")]
    public LearnerBindingResult Keystroke() => LearnerBinding.Bind(lab, typed);

    [Benchmark(Description = "a 10,000-character paste in each field")]
    public LearnerBindingResult Paste() => LearnerBinding.Bind(lab, longPaste);
}
