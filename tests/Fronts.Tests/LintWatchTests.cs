using LabRunner.Cli.Commands;
using LabRunner.Content.Files;
using LabRunner.TestSupport;
using LabRunner.TestSupport.Time;
using Microsoft.Extensions.Time.Testing;

namespace LabRunner.Fronts.Tests;

/// <summary><c>lint --watch</c>: a save is linted again after the quiet period, on a fake clock; a broken lab shows its findings and recovers.</summary>
public sealed class LintWatchTests : IDisposable
{
    private readonly TempDirectory scratch = new();
    private readonly FakeTimeProvider clock = new();
    private readonly StringWriter output = new();
    private readonly TextWriter synchronized;

    public LintWatchTests() => synchronized = TextWriter.Synchronized(output);

    [Fact]
    public async Task A_save_that_breaks_the_lab_shows_its_findings_and_the_fix_shows_it_clean_again()
    {
        var lab = Path.Join(scratch.Path, "aurora-backup");
        TempDirectory.CopyTree(Repository.PathOf("labs", "aurora-backup"), lab);
        var manifest = Path.Join(lab, "lab.yaml");
        var original = await File.ReadAllTextAsync(manifest);
        var signalling = new TimerSignallingClock(clock);
        using var stop = new CancellationTokenSource();
        var watching = Task.Run(() => LintCommand.WatchAsync([lab], synchronized, signalling, LabWatcher.DefaultQuiet, stop.Token));
        await Eventually.HoldsAsync(() => Text().Contains("watching for changes; Ctrl-C stops"), "the first lint is printed");

        await SaveAsync(manifest, original.Replace("estimated-minutes: 20", "estimated-minutes: [twenty"), signalling, "error LR002");
        await SaveAsync(manifest, original, signalling, $"{lab}: 0 errors, 0 warnings", occurrence: 2);

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => watching);
        Assert.DoesNotContain("   at ", Text());
    }

    /// <summary>
    /// Saves, waits until the watcher has seen the save (it started its quiet period), then moves the clock until the new
    /// lint is printed: one save can raise several file events, each starting the quiet period again.
    /// </summary>
    private async Task SaveAsync(string file, string text, TimerSignallingClock signalling, string expected, int occurrence = 1)
    {
        await File.WriteAllTextAsync(file, text);
        await signalling.TimerStartedAsync("the watcher's quiet period after the save");
        await Eventually.HoldsAsync(() =>
        {
            clock.Advance(LabWatcher.DefaultQuiet);
            return Occurrences(Text(), expected) >= occurrence;
        }, $"'{expected}' printed after the save");
    }

    /// <summary>What the watch printed so far, read under the lock its writer takes.</summary>
    private string Text()
    {
        lock (synchronized)
            return output.ToString();
    }

    private static int Occurrences(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    public void Dispose() => scratch.Dispose();
}
