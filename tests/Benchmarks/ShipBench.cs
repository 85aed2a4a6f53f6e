using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using LabRunner.Content.Loading;
using LabRunner.Sandbox;
using LabRunner.TestSupport;
using LabRunner.TestSupport.Class;
using LabRunner.TestSupport.Peers;
using Microsoft.Extensions.Time.Testing;

namespace LabRunner.Benchmarks;

/// <summary>
/// The ship issue's target table, measured on a published binary (reported, never asserted). Usage:
/// <c>dotnet run -c Release --project tests/Benchmarks -- ship --binary PATH/labrunner [--runs N] [--aws PATH] [--class 5000,15000]</c>.
/// Cold <c>check</c> against an endpoint and on the built-in sandbox, beside one AWS CLI describe call to the same
/// endpoint; <c>class</c> over thousands of learners (wall time and peak resident memory, via /usr/bin/time); binary size.
/// The TUI's numbers come from the <c>tui</c> command on the same binary.
/// </summary>
public static class ShipBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var binary = Path.GetFullPath(Option(args, "--binary") ?? throw new ArgumentException("--binary PATH is required"));
        var runs = int.Parse(Option(args, "--runs") ?? "15", CultureInfo.InvariantCulture);
        var aws = Option(args, "--aws") ?? (File.Exists("/usr/bin/aws") ? "/usr/bin/aws" : "aws");
        var classSizes = (Option(args, "--class") ?? "5000,15000").Split(',').Select(size => int.Parse(size, CultureInfo.InvariantCulture)).ToList();
        Console.WriteLine($"binary {binary} ({new FileInfo(binary).Length / 1048576.0:0.0} MiB), {runs} runs, {Environment.ProcessorCount} cores, load {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine($"AWS CLI: {(await Run(aws, ["--version"], null)).Output.Trim()}");

        using var scratch = new TempDirectory();
        var environment = new Dictionary<string, string>(LabRunnerBinary.IsolatedEnvironment(scratch.Path))
        {
            ["AWS_ACCESS_KEY_ID"] = "bench",
            ["AWS_SECRET_ACCESS_KEY"] = "bench",
            ["AWS_REGION"] = "us-east-1",
            ["AWS_DEFAULT_REGION"] = "us-east-1",
            ["AWS_PAGER"] = "",
        };
        var lab = LabLoader.Load(Repository.PathOf("labs", "aurora-backup")).Lab!;

        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using (var sandbox = await SandboxHost.StartAsync(new SandboxOptions { TimeProvider = time }))
        {
            using var client = await PeerClients.CreateClientAsync(sandbox.Uri);
            await ClassSeeding.SeedAsync(sandbox, time, TimeSpan.FromMinutes(5), client, lab, [new SeededLearner("alice", LearnerStage.ClusterOnly), new SeededLearner("bob", LearnerStage.Done)]);
            var url = sandbox.Uri.ToString();
            var awsCall = await Median(runs, () => Run(aws, ["rds", "describe-db-cluster-snapshots", "--endpoint-url", url], environment, expectedExit: 0));
            var checkEndpoint = await Median(runs, () => Run(binary, ["check", "aurora-backup", "--var", "yourname=alice", "--endpoint", url], environment, expectedExit: 1));
            var checkSandbox = await Median(runs, () => Run(binary, ["check", "aurora-backup", "--var", "yourname=alice"], environment, expectedExit: 1));
            Console.WriteLine();
            Console.WriteLine("| measure | median | ratio to the AWS CLI call | target |");
            Console.WriteLine("|---|---|---|---|");
            Console.WriteLine($"| aws rds describe-db-cluster-snapshots (same endpoint) | {Ms(awsCall)} | 1 | |");
            Console.WriteLine($"| labrunner check --endpoint, cold | {Ms(checkEndpoint)} | {Ratio(checkEndpoint, awsCall)} | ≤ 0.10 |");
            Console.WriteLine($"| labrunner check on the built-in sandbox, cold | {Ms(checkSandbox)} | {Ratio(checkSandbox, awsCall)} | ≤ 0.15 |");
        }

        Console.WriteLine();
        Console.WriteLine("| class learners | rows judged | wall | peak resident memory | target |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var size in classSizes)
            await MeasureClass(binary, environment, lab, size);
        return 0;
    }

    private static async Task MeasureClass(string binary, IReadOnlyDictionary<string, string> environment, Content.Model.Lab lab, int learners)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { TimeProvider = time, ManualSnapshotQuota = learners * 2 });
        using var client = await PeerClients.CreateClientAsync(sandbox.Uri);
        var stages = new[] { LearnerStage.ClusterOnly, LearnerStage.SnapshotCreating, LearnerStage.SnapshotAvailable, LearnerStage.Done };
        var seeded = Enumerable.Range(1, learners).Select(index => new SeededLearner($"learner{index:00000}", stages[index % stages.Length])).ToList();
        await ClassSeeding.SeedAsync(sandbox, time, TimeSpan.FromMinutes(5), client, lab, seeded);

        // The first run also warms the sandbox serving the class (a test fixture here, RDS in a classroom); the
        // median of the runs after it is LabRunner's own time.
        var measures = new List<(int ExitCode, int Rows, double Wall, double PeakMiB)>();
        for (var run = 0; run < 4; run++)
            measures.Add(await TimeClass(binary, environment, sandbox.Uri));
        var (exitCode, rows, wall, peakMiB) = measures.Skip(1).OrderBy(measure => measure.Wall).ElementAt(1);
        Console.WriteLine($"| {learners} | {rows} (exit {exitCode}) | {wall:0.00} s (first run {measures[0].Wall:0.00} s) | {peakMiB:0} MiB | ≤ 1 s, ≤ 200 MiB at 5,000 |");
    }

    /// <summary>One <c>labrunner class --discover --format json</c>: its exit code, rows judged, wall seconds and peak resident memory.</summary>
    private static async Task<(int ExitCode, int Rows, double Wall, double PeakMiB)> TimeClass(string binary, IReadOnlyDictionary<string, string> environment, Uri sandbox)
    {
        var timing = Path.Combine(Path.GetTempPath(), $"labrunner-class-{Guid.NewGuid():N}.time");
        try
        {
            var timed = await Run("/usr/bin/time", ["-f", "%e %M", "-o", timing, binary, "class", "aurora-backup", "--endpoint", sandbox.ToString(), "--discover", "--format", "json"], environment);
            var rows = 0;
            if (timed.ExitCode is 0 or 1)
            {
                using var json = JsonDocument.Parse(timed.Output);
                rows = json.RootElement.GetProperty("learners").GetArrayLength();
            }
            var measured = File.ReadAllText(timing).Trim().Split('\n')[^1].Split(' ');
            return (timed.ExitCode, rows, double.Parse(measured[0], CultureInfo.InvariantCulture), long.Parse(measured[1], CultureInfo.InvariantCulture) / 1024.0);
        }
        finally
        {
            File.Delete(timing);
        }
    }

    private static async Task<double> Median(int runs, Func<Task<(int ExitCode, string Output, double Milliseconds)>> run)
    {
        await run();
        var samples = new List<double>();
        for (var index = 0; index < runs; index++)
            samples.Add((await run()).Milliseconds);
        samples.Sort();
        return samples[samples.Count / 2];
    }

    private static async Task<(int ExitCode, string Output, double Milliseconds)> Run(string program, string[] arguments, IReadOnlyDictionary<string, string>? environment, int? expectedExit = null)
    {
        var clock = Stopwatch.StartNew();
        var result = await ExternalProcess.RunAsync(program, arguments, environment, TimeSpan.FromMinutes(10));
        var elapsed = clock.Elapsed.TotalMilliseconds;
        if (expectedExit is { } expected && result.ExitCode != expected)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)}: {result}");
        return (result.ExitCode, result.StandardOutput, elapsed);
    }

    private static string Ms(double milliseconds) => $"{milliseconds:0} ms";

    private static string Ratio(double part, double whole) => (part / whole).ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>The value after <paramref name="name"/> in <paramref name="args"/>, or null.</summary>
    internal static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
