using LabRunner.Content.Findings;
using LabRunner.Content.Tests.Support;
using LabRunner.TestSupport;
using LabRunner.TestSupport.Fuzzing;
using Xunit.Abstractions;

namespace LabRunner.Content.Tests;

/// <summary>
/// Thousands of mutated copies of labs/aurora-backup (seeded, so every failure names a variant that can be made again)
/// through load, lint, learner binding and page layout: no exception, no hang, every finding located on one line. The
/// long run is <c>dotnet run -c Release --project tests/Benchmarks -- lab-fuzz 20000 12</c>.
/// </summary>
public sealed class LabFuzzTests(ITestOutputHelper output) : IDisposable
{
    private const int Variants = 1_500;
    private const int Seed = 20261129;

    /// <summary>
    /// No variant may take this long: a bound against a quadratic or exponential blow-up (those found took 40 s and
    /// more), not a performance target. The slowest variant takes about a second once the code is loaded; the bound
    /// leaves room for a loaded two-core machine.
    /// </summary>
    private static readonly TimeSpan SlowestAllowed = TimeSpan.FromSeconds(10);

    private readonly TempDirectory scratch = new();

    [Fact]
    public void Mutated_labs_never_crash_hang_or_yield_an_unlocated_finding()
    {
        var fuzzer = new LabFuzzer(Labs.AuroraBackupPath, scratch.Path);
        fuzzer.Run(1, Seed); // loads and compiles the code, so the timed run measures the variants alone
        var report = fuzzer.Run(Variants, Seed);
        output.WriteLine(report.ToString());

        Assert.Equal([], report.Crashes);
        Assert.Equal([], report.Hangs);
        Assert.Equal([], report.Unlocated);
        Assert.Equal(Variants, report.Variants);
        Assert.True(report.Slowest[0].Elapsed < SlowestAllowed, $"the slowest variant took over {SlowestAllowed.TotalSeconds} s: {report}");
        Assert.Subset(report.Codes, new SortedSet<string>([FindingCodes.MalformedYaml.Id, FindingCodes.TooComplex.Id, FindingCodes.NotText.Id, FindingCodes.EscapesLab.Id]));
    }

    public void Dispose() => scratch.Dispose();
}
