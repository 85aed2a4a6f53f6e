using System.Diagnostics;
using System.Text.Json;
using LabRunner.Engine.Progress;
using LabRunner.Sandbox.State;
using LabRunner.TestSupport;
using Xunit.Abstractions;

namespace LabRunner.Fronts.Tests.Concurrency;

/// <summary>
/// Many real <c>labrunner</c> processes on one data folder at once, all on the folder's one sandbox (each seeds its
/// learner into the shared state file), some of them killed with SIGKILL part way: every action a process acknowledged (exit 0 and its
/// confirmation printed) is in the state afterwards, and the state file is whole. Two of them meet the same damaged
/// progress file: it is set aside once, and neither crashes.
/// </summary>
public sealed class SharedDataFolderTests(ITestOutputHelper log) : IDisposable
{
    private static readonly string Lab = Repository.PathOf("labs", "aurora-backup");
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly TempDirectory data = new();

    /// <summary>One process of the crowd: what it does for which learner, and whether it is killed, this long after it shows the command it performs.</summary>
    private sealed record Job(string Learner, string Kind, TimeSpan? KillAfter = null)
    {
        public string BackupWindow => $"0{Learner[^1]}:00-0{Learner[^1]}:45";
    }

    private sealed record Outcome(Job Job, int? ExitCode, string Output, string Error)
    {
        public bool Killed => ExitCode is null;
    }

    [Fact]
    public async Task Concurrent_processes_on_one_data_folder_lose_no_acknowledged_action_even_when_some_are_killed()
    {
        var random = new Random(12);
        List<Job> jobs =
        [
            .. Enumerable.Range(1, 4).SelectMany(n => new[] { new Job($"p{n}", "snapshot"), new Job($"p{n}", "window") }),
            .. Enumerable.Range(1, 2).Select(_ => new Job("c1", "check")),
            .. Enumerable.Range(1, 3).Select(n => new Job($"k{n}", n == 2 ? "window" : "snapshot", TimeSpan.FromMilliseconds(random.Next(0, 40)))),
        ];

        var progressOfC1 = new ProgressStore(data.Path, TimeProvider.System).PathFor("aurora-backup", "sandbox", "c1");
        Directory.CreateDirectory(Path.GetDirectoryName(progressOfC1)!);
        await File.WriteAllTextAsync(progressOfC1, "{ \"lab\": ");

        var outcomes = await Task.WhenAll(jobs.Select(RunAsync));

        var state = new StateFile(Path.Combine(data.Path, "sandbox", "state.json")).LoadIfChanged(null)!.Accounts.Default;
        var acknowledged = outcomes.Where(IsAcknowledged).ToList();
        var lost = acknowledged.Where(outcome => !IsPresent(outcome.Job, state)).ToList();
        log.WriteLine($"{jobs.Count} processes, {outcomes.Count(outcome => outcome.Killed)} killed with SIGKILL, {acknowledged.Count} acknowledged actions, {lost.Count} lost");
        Assert.Empty(lost.Select(outcome => $"{outcome.Job}: {outcome.Output}"));
        Assert.All(outcomes.Where(outcome => outcome.Job.KillAfter is null), outcome => Assert.True(IsAcknowledged(outcome), outcome.ToString()));
        Assert.True(acknowledged.Count >= 10, $"only {acknowledged.Count} acknowledged actions");
        Assert.DoesNotContain(outcomes, outcome => outcome.Error.Contains("unexpected error", StringComparison.Ordinal));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(progressOfC1)!, "c1.json.corrupt-*"));
        foreach (var learner in acknowledged.Select(outcome => outcome.Job.Learner).Distinct())
            Assert.NotNull(new ProgressStore(data.Path, TimeProvider.System).List("aurora-backup", "sandbox").SingleOrDefault(progress => progress.Learner == learner));
    }

    private async Task<Outcome> RunAsync(Job job)
    {
        string[] action = job.Kind switch
        {
            "snapshot" => ["perform", Lab, "--step", "take-snapshot", "--yes"],
            "window" => ["perform", Lab, "--step", "modify-backup-window", "--yes", "--var", $"backup_window={job.BackupWindow}"],
            _ => ["check", Lab, "--format", "json"],
        };
        var start = new ProcessStartInfo(LabRunnerBinary.Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[.. action, "--var", $"yourname={job.Learner}", "--data-dir", data.Path])
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var shown = job.KillAfter is null ? "" : await Eventually.CompletesAsync(ReadThroughAsync(process.StandardOutput, "command "), $"{job} shows its command", Patience);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (job.KillAfter is { } delay && !await ExitsWithinAsync(process, delay))
        {
            process.Kill();
            await Eventually.CompletesAsync(process.WaitForExitAsync(), $"{job} exits after kill -9", Patience);
            return new Outcome(job, null, shown + await output, await error);
        }
        await Eventually.CompletesAsync(process.WaitForExitAsync(), $"{job} exits", Patience);
        return new Outcome(job, process.ExitCode, shown + await output, await error);
    }

    /// <summary>What the process printed up to and including the line starting with <paramref name="prefix"/> (or all of it, if it ends first).</summary>
    private static async Task<string> ReadThroughAsync(StreamReader output, string prefix)
    {
        var read = new System.Text.StringBuilder();
        while (await output.ReadLineAsync() is { } line)
        {
            read.AppendLine(line);
            if (line.StartsWith(prefix, StringComparison.Ordinal))
                break;
        }
        return read.ToString();
    }

    private static async Task<bool> ExitsWithinAsync(Process process, TimeSpan delay)
    {
        using var wait = new CancellationTokenSource(delay);
        try
        {
            await process.WaitForExitAsync(wait.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>perform: exit 0 and "done:"; check: it reported the learner's seeded cluster as found.</summary>
    private static bool IsAcknowledged(Outcome outcome)
    {
        if (outcome.Killed)
            return false;
        if (outcome.Job.Kind != "check")
            // "nothing to do": a create that timed out under load was retried and found its own snapshot: acknowledged too.
            return outcome.ExitCode == 0 && (outcome.Output.Contains("done: ", StringComparison.Ordinal) || outcome.Output.Contains("nothing to do: ", StringComparison.Ordinal));
        using var report = JsonDocument.Parse(outcome.Output);
        return report.RootElement.GetProperty("steps").EnumerateArray()
            .Any(step => step.GetProperty("id").GetString() == "find-cluster" && step.GetProperty("status").GetString() == "passed");
    }

    private static bool IsPresent(Job job, SandboxState.Resources state) => job.Kind switch
    {
        "snapshot" => state.Snapshots.ContainsKey($"aurora-{job.Learner}-snap1"),
        "window" => state.Clusters.GetValueOrDefault($"aurora-{job.Learner}-cluster")?.PreferredBackupWindow == job.BackupWindow,
        _ => state.Clusters.ContainsKey($"aurora-{job.Learner}-cluster") && state.Instances.ContainsKey($"aurora-{job.Learner}-instance-1"),
    };

    public void Dispose() => data.Dispose();
}
