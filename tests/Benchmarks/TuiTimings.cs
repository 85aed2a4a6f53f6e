using System.Diagnostics;
using System.Globalization;
using LabRunner.TestSupport;
using LabRunner.TestSupport.Terminals;

namespace LabRunner.Benchmarks;

/// <summary>
/// Issue 5's closing numbers, measured on the real binary in tmux at 80×24 on the sandbox (reported, never asserted):
/// time from process start to the first frame, time for a keystroke to reach the screen while a snapshot is being
/// polled, and resident memory during that run. Usage:
/// <c>dotnet run -c Release --project tests/Benchmarks -- tui --binary PATH/labrunner [--runs N]</c>.
/// </summary>
public static class TuiTimings
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static int Run(string[] args)
    {
        var binary = Path.GetFullPath(Option(args, "--binary") ?? throw new ArgumentException("--binary PATH is required"));
        var runs = int.Parse(Option(args, "--runs") ?? "10", CultureInfo.InvariantCulture);
        Console.WriteLine($"binary {binary}, {runs} runs, {Environment.ProcessorCount} cores, load {File.ReadAllText("/proc/loadavg").Trim()}");

        var firstFrame = new List<double>();
        var labsListed = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var (frame, listed) = StartUp(binary);
            firstFrame.Add(frame);
            labsListed.Add(listed);
        }
        Report("first frame after process start", firstFrame);
        Report("labs listed in the picker", labsListed);

        var (keystrokes, framesWritten, residentMiB, peakMiB, idleCpu) = WhilePolling(binary, runs * 4);
        Report("keystroke to frame written while polling (the pane's output, read as written)", framesWritten);
        Report("keystroke to screen while polling (capture-pane until the new title shows and the screen settles)", keystrokes);
        Report("the same round trip through tmux to `cat` (the measuring floor)", TerminalFloor(runs * 4));
        Console.WriteLine($"resident memory while polling: {residentMiB:0} MiB (peak {peakMiB:0} MiB)");
        Console.WriteLine($"CPU while polling every second, keys idle: {idleCpu:0.0} % of one core");
        return 0;
    }

    /// <summary>What tmux itself adds: a key typed into <c>cat</c> until its echo shows.</summary>
    private static List<double> TerminalFloor(int presses)
    {
        using var tmux = TmuxSession.Start("exec cat", 80, 24, Repository.Root);
        var latencies = new List<double>();
        for (var press = 0; press < presses; press++)
        {
            var marker = $"k{press}";
            var clock = Stopwatch.StartNew();
            tmux.Type(marker);
            tmux.WaitFor(marker, Patience);
            latencies.Add(clock.Elapsed.TotalMilliseconds);
        }
        return latencies;
    }

    /// <summary>Milliseconds from starting the process to its first frame (the header), and to the labs listed.</summary>
    private static (double Frame, double Listed) StartUp(string binary)
    {
        using var data = new TempDirectory();
        var clock = Stopwatch.StartNew();
        using var tmux = TmuxSession.Start(Command(binary, data.Path, ""), 80, 24, Repository.Root);
        tmux.WaitFor("the header", screen => screen.Contains("LabRunner ·", StringComparison.Ordinal), Patience);
        var frame = clock.Elapsed.TotalMilliseconds;
        tmux.WaitFor("the lab", screen => screen.Contains("Aurora backups and snapshots", StringComparison.Ordinal), Patience);
        var listed = clock.Elapsed.TotalMilliseconds;
        EndEveryProcessOf(data.Path);
        return (frame, listed);
    }

    /// <summary>Opens the lab, starts a long snapshot so LabRunner polls it, then times n/b presses between two steps.</summary>
    private static (List<double> Keystrokes, List<double> FramesWritten, double ResidentMiB, double PeakMiB, double IdleCpuPercent) WhilePolling(string binary, int presses)
    {
        using var data = new TempDirectory();
        using var tmux = TmuxSession.Start(Command(binary, data.Path, "run aurora-backup --var yourname=bench"), 80, 24, Repository.Root);
        tmux.WaitFor("✓ Passed: cluster aurora-bench-cluster is", Patience);
        tmux.SendKeys("n");
        tmux.WaitFor("Step 2 of 8", Patience);
        tmux.SendKeys("p");
        tmux.WaitFor("Perform: Take a manual snapshot", Patience);
        tmux.SendKeys("Enter");
        tmux.WaitFor("◐ In progress", Patience);
        var latencies = new List<double>();
        for (var press = 0; press < presses; press++)
        {
            var (key, title) = press % 2 == 0 ? ("b", "Step 2 of 8") : ("n", "Step 3 of 8");
            var clock = Stopwatch.StartNew();
            tmux.SendKeys(key);
            tmux.WaitFor(title, Patience);
            latencies.Add(clock.Elapsed.TotalMilliseconds);
        }
        var framesWritten = new List<double>();
        using (var frames = new FrameTimer(tmux))
        {
            for (var press = 0; press < presses; press++)
            {
                var (key, title) = press % 2 == 0 ? ("b", "Step 2 of 8") : ("n", "Step 3 of 8");
                framesWritten.Add(frames.Press(key, Patience));
                tmux.WaitFor(title, Patience);
            }
        }
        var pid = tmux.PanePid();
        var status = File.ReadAllLines($"/proc/{pid}/status");
        // Once the JIT's background recompilation of what the key presses ran has settled.
        Thread.Sleep(TimeSpan.FromSeconds(10));
        var measured = (latencies, framesWritten, Kibibytes(status, "VmRSS:") / 1024, Kibibytes(status, "VmHWM:") / 1024, CpuPercent(pid, TimeSpan.FromSeconds(5)));
        EndEveryProcessOf(data.Path);
        return measured;
    }

    /// <summary>
    /// Ends what runs on <paramref name="dataFolder"/> (the TUI, and the folder's sandbox, which outlives it on
    /// purpose) before the folder is removed: either would still be writing there.
    /// </summary>
    private static void EndEveryProcessOf(string dataFolder)
    {
        foreach (var process in Process.GetProcesses())
        {
            using (process)
            {
                string commandLine;
                try
                {
                    commandLine = File.ReadAllText($"/proc/{process.Id}/cmdline");
                }
                catch (IOException)
                {
                    continue;
                }
                // The tmux server names the folder in the command it was started with; the test ends it itself.
                if (!commandLine.Contains(dataFolder, StringComparison.Ordinal) || commandLine.StartsWith("tmux", StringComparison.Ordinal) || process.Id == Environment.ProcessId)
                    continue;
                process.Kill();
                process.WaitForExit();
            }
        }
    }

    /// <summary>The process's CPU time over <paramref name="span"/> of wall time, in percent of one core.</summary>
    private static double CpuPercent(int pid, TimeSpan span)
    {
        var before = CpuTicks(pid);
        Thread.Sleep(span);
        return (CpuTicks(pid) - before) / 100.0 / span.TotalSeconds * 100;
    }

    /// <summary>User plus system time from /proc/PID/stat, in clock ticks (100 a second on Linux).</summary>
    private static long CpuTicks(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }

    /// <summary>The binary (in place of the pane's shell, so the pane's pid is its pid) on the sandbox, snapshots taking ten minutes.</summary>
    private static string Command(string binary, string data, string arguments) =>
        $"exec env LABRUNNER_SANDBOX_SNAPSHOT_SECONDS=600 {TmuxSession.Quote(binary)} {arguments} --data-dir {TmuxSession.Quote(data)}";

    private static double Kibibytes(string[] status, string field) =>
        double.Parse(status.First(line => line.StartsWith(field, StringComparison.Ordinal))[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);

    private static void Report(string what, List<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToList();
        var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        Console.WriteLine($"{what}: median {median:0} ms, min {sorted[0]:0} ms, max {sorted[^1]:0} ms ({sorted.Count} samples)");
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
