using System.Diagnostics;
using System.Globalization;
using LabRunner.TestSupport;

namespace LabRunner.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/Benchmarks -- serve-seed --binary PATH/labrunner [--learners 5000] [--runs 3]</c>:
/// how long <c>labrunner sandbox serve --lab labs/aurora-backup --learners …</c> takes from start to its
/// <c>listening on</c> line, with a fresh state file each run (every learner's cluster and writer created and saved).
/// Prints wall and CPU time (the machine may be shared). Target: under 3 s for 5,000 learners. Measured, not asserted: this is a report, not a test.
/// </summary>
public static class ServeSeedBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var binary = Path.GetFullPath(ShipBench.Option(args, "--binary") ?? throw new ArgumentException("--binary PATH is required"));
        var learners = int.Parse(ShipBench.Option(args, "--learners") ?? "5000", CultureInfo.InvariantCulture);
        var runs = int.Parse(ShipBench.Option(args, "--runs") ?? "3", CultureInfo.InvariantCulture);
        var names = string.Join(',', Enumerable.Range(1, learners).Select(index => $"learner{index:00000}"));
        Console.WriteLine($"{learners} learners, {runs} runs, {Environment.ProcessorCount} cores, load {File.ReadAllText("/proc/loadavg").Trim()}");
        var samples = new List<TimeSpan>();
        for (var run = 0; run < runs; run++)
        {
            using var scratch = new TempDirectory();
            var (startup, cpu, stateBytes) = await TimeToListeningAsync(binary, scratch.Path, names);
            samples.Add(startup);
            Console.WriteLine($"run {run + 1}: {startup.TotalSeconds:0.00} s to 'listening on' ({cpu.TotalSeconds:0.00} s of CPU), state file {stateBytes / 1048576.0:0.0} MiB");
        }
        samples.Sort();
        Console.WriteLine($"median {samples[samples.Count / 2].TotalSeconds:0.00} s (target < 3 s for 5,000 learners)");
        return 0;
    }

    private static async Task<(TimeSpan Startup, TimeSpan Cpu, long StateBytes)> TimeToListeningAsync(string binary, string home, string names)
    {
        var state = Path.Combine(home, "state.json");
        var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["sandbox", "serve", "--port", "0", "--state", state, "--lab", Repository.PathOf("labs", "aurora-backup"), "--learners", names])
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in LabRunnerBinary.IsolatedEnvironment(home))
            start.Environment[name] = value;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        try
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            while (await process.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
            {
                if (line.StartsWith("listening on ", StringComparison.Ordinal))
                    return (clock.Elapsed, CpuTime(process.Id), new FileInfo(state).Length);
            }
            throw new InvalidOperationException($"labrunner exited without listening: {await process.StandardError.ReadToEndAsync()}");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>User and system CPU time of a process so far (Linux <c>/proc/PID/stat</c>, in clock ticks of 1/100 s): on a loaded machine it says more than wall time.</summary>
    private static TimeSpan CpuTime(int processId)
    {
        var stat = File.ReadAllText($"/proc/{processId}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }
}
