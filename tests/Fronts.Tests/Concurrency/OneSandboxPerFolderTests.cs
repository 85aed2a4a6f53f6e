using System.Text.Json;
using System.Text.RegularExpressions;
using LabRunner.Cli.Commands;
using LabRunner.Cli.Targets;
using LabRunner.Engine.Progress;
using LabRunner.Fronts.Tests.EndToEnd;
using LabRunner.Sandbox.State;
using LabRunner.TestSupport;
using LabRunner.TestSupport.Peers;
using LabRunner.TestSupport.Terminals;
using Xunit.Abstractions;

namespace LabRunner.Fronts.Tests.Concurrency;

/// <summary>
/// Two TUIs (real binary, tmux) and a <c>check --wait</c> on one data folder at once, as one learner with two terminals
/// and a script: all three use the one sandbox of the folder; what one does the others see; one TUI is killed with
/// SIGKILL; once all have ended, the sandbox stops by itself and the state and the progress hold all that each did.
/// </summary>
public sealed class OneSandboxPerFolderTests(ITestOutputHelper log) : IDisposable
{
    private static readonly TimeSpan Patience = TuiInTmux.Patience;
    private static readonly string Lab = Repository.PathOf("labs", "aurora-backup");
    private const string Environment = $"{SandboxHostCommand.IdleSecondsVariable}=1";
    private readonly TempDirectory data = new();
    private TmuxSession? first;
    private TmuxSession? second;

    [PeerFact(RealPeer.Tmux)]
    public async Task Two_TUIs_and_a_waiting_check_share_one_sandbox_and_lose_nothing_when_one_is_killed()
    {
        first = OpenTheLabAsPat();
        var sandbox = ServeRecord.ReadIn(data.Path) ?? throw new InvalidOperationException("no sandbox recorded in the data folder");
        Keys(first, "n");
        Wait(first, "Step 2 of 8 · Take a manual snapshot");

        second = TuiInTmux.Start(data.Path, snapshotSeconds: 4, Environment);
        Wait(second, "Aurora backups and snapshots");
        Keys(second, "Enter");
        Wait(second, "› pat");
        Keys(second, "Enter");
        Wait(second, "Step 2 of 8 · Take a manual snapshot");
        Wait(second, "✗ Not yet: snapshot aurora-pat-snap1 not");

        Keys(first, "p");
        Wait(first, "--db-cluster-snapshot-identifier aurora-pat-snap1 \\");
        Keys(first, "Enter");
        Wait(first, "Step 3 of 8 · Wait for the snapshot");
        var check = LabRunnerBinaryCheck();

        Keys(second, "Enter");
        Wait(second, "✓ Passed: snapshot aurora-pat-snap1 of");

        Wait(first, "✓ Passed: snapshot aurora-pat-snap1 of");
        Keys(first, "n");
        Wait(first, "Step 4 of 8 · See what a snapshot offers");
        Keys(first, "a");
        Wait(first, "Step 5 of 8 · Move the backup window");
        KillLabRunnerIn(first);
        Wait(first, "labrunner exited with 137");

        var checkResult = await check;
        using (var report = JsonDocument.Parse(checkResult.StandardOutput))
        {
            var statuses = report.RootElement.GetProperty("steps").EnumerateArray()
                .ToDictionary(step => step.GetProperty("id").GetString()!, step => step.GetProperty("status").GetString());
            Assert.Equal("passed", statuses["snapshot-available"]);
        }

        // On to step 5 however far the lab moved on by itself: one n too many would open the optional section.
        const string BackupWindowStep = "Step 5 of 8 · Move the backup window";
        for (var screen = second.Capture(); !screen.Contains(BackupWindowStep, StringComparison.Ordinal); screen = second.Capture())
        {
            var step = int.Parse(Regex.Match(screen, @"Step (\d) of 8 · ").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            Keys(second, "n");
            Wait(second, $"Step {step + 1} of 8 · ");
        }
        Keys(second, "p");
        Wait(second, "aws rds modify-db-cluster \\");
        Keys(second, "Enter");
        Wait(second, "Well done");
        Assert.Equal(sandbox, ServeRecord.ReadIn(data.Path));
        Keys(second, "q");
        Wait(second, "labrunner exited with 0");

        await Eventually.HoldsAsync(() => !IsRunning(sandbox.ProcessId), "the sandbox stops once nobody uses it", TimeSpan.FromSeconds(30));
        log.WriteLine($"one sandbox, process {sandbox.ProcessId} at {sandbox.Address}, served both TUIs and the check; it stopped after they ended");
        Assert.Null(ServeRecord.ReadIn(data.Path));

        var state = new StateFile(Path.Combine(data.Path, "sandbox", "state.json")).LoadIfChanged(null)!.Accounts.Default;
        Assert.Equal("manual", state.Snapshots["aurora-pat-snap1"].SnapshotType);
        Assert.Equal("05:00-05:45", state.Clusters["aurora-pat-cluster"].PreferredBackupWindow);
        var progress = new ProgressStore(data.Path, TimeProvider.System).Load("aurora-backup", "sandbox", "pat").Progress;
        Assert.NotNull(progress.Steps["snapshot-actions"].AcknowledgedAt);
        Assert.All(["find-cluster", "take-snapshot", "snapshot-available", "modify-backup-window"], step => Assert.Equal("passed", progress.Steps[step].Status));
    }

    [Fact]
    public async Task Processes_that_start_at_once_on_a_fresh_folder_start_one_sandbox()
    {
        // Idle long enough to count the sandbox processes after the checks end.
        var checks = await Task.WhenAll(Enumerable.Range(1, 6).Select(n => Check($"p{n}", wait: false, idleSeconds: 60)));

        var hosts = SandboxProcessesOf(data.Path);
        log.WriteLine($"{checks.Length} checks started at once; sandbox processes on their folder: {hosts.Count}");
        Assert.All(checks, check => Assert.Contains("\"kind\": \"sandbox\"", check.StandardOutput, StringComparison.Ordinal));
        Assert.Equal([ServeRecord.ReadIn(data.Path)!.ProcessId], hosts);
        foreach (var host in hosts)
            System.Diagnostics.Process.GetProcessById(host).Kill();
    }

    [PeerFact(RealPeer.Tmux)]
    public void A_sandbox_killed_under_a_running_TUI_is_started_again_on_the_same_address_and_the_TUI_goes_on()
    {
        first = OpenTheLabAsPat();
        var killed = ServeRecord.ReadIn(data.Path)!;

        using (var kill = System.Diagnostics.Process.Start("kill", ["-KILL", killed.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            kill.WaitForExit();
        Keys(first, "n");
        Wait(first, "Step 2 of 8 · Take a manual snapshot");
        Keys(first, "Enter");
        Wait(first, "✗ Not yet: snapshot aurora-pat-snap1 not");

        var revived = ServeRecord.ReadIn(data.Path)!;
        Assert.NotEqual(killed.ProcessId, revived.ProcessId);
        Assert.Equal(killed.Address, revived.Address);
        Keys(first, "q");
        Wait(first, "labrunner exited with 0");
    }

    /// <summary>The running <c>labrunner sandbox host</c> processes of <paramref name="dataDirectory"/>.</summary>
    private static List<int> SandboxProcessesOf(string dataDirectory) => Directory.EnumerateDirectories("/proc")
        .Select(folder => int.TryParse(Path.GetFileName(folder), out var id) ? id : 0)
        .Where(id => id > 0 && IsRunning(id) && CommandLineOf(id) is { } words && words.Contains(dataDirectory) && words.Contains("host") && words.Contains("sandbox"))
        .ToList();

    private static string[]? CommandLineOf(int processId)
    {
        try
        {
            return File.ReadAllText($"/proc/{processId}/cmdline").Split('\0');
        }
        catch (Exception gone) when (gone is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private Task<ProcessResult> LabRunnerBinaryCheck() => Check("pat", wait: true, idleSeconds: 1);

    private Task<ProcessResult> Check(string learner, bool wait, int idleSeconds) => ExternalProcess.RunAsync(LabRunnerBinary.Path,
        ["check", Lab, .. wait ? ["--wait"] : Array.Empty<string>(), "--format", "json", "--var", $"yourname={learner}", "--data-dir", data.Path],
        new Dictionary<string, string> { [SandboxTarget.SnapshotSecondsVariable] = "4", [SandboxHostCommand.IdleSecondsVariable] = $"{idleSeconds}" },
        TimeSpan.FromSeconds(60));

    /// <summary>SIGKILL to the labrunner running in <paramref name="tmux"/>'s pane (a child of the pane's shell).</summary>
    private static void KillLabRunnerIn(TmuxSession tmux)
    {
        var shell = tmux.PanePid();
        var labrunner = Directory.EnumerateDirectories("/proc")
            .Select(folder => int.TryParse(Path.GetFileName(folder), out var id) ? id : 0)
            .Single(id => id > 0 && ParentOf(id) == shell);
        using var kill = System.Diagnostics.Process.Start("kill", ["-KILL", labrunner.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    private static int ParentOf(int processId) => Stat(processId)?.Parent ?? 0;

    /// <summary>Running, not a zombie waiting to be reaped.</summary>
    private static bool IsRunning(int processId) => Stat(processId) is { State: not 'Z' };

    /// <summary>/proc/PID/stat: "pid (name) state ppid ...": the name may hold spaces, so fields count from its closing parenthesis.</summary>
    private static (char State, int Parent)? Stat(int processId)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{processId}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (fields[0][0], int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (Exception gone) when (gone is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>A TUI on the shared folder, through the picker and the details screen, at step 1 judged.</summary>
    private TmuxSession OpenTheLabAsPat()
    {
        var tui = TuiInTmux.Start(data.Path, snapshotSeconds: 4, Environment);
        Wait(tui, "Aurora backups and snapshots");
        Keys(tui, "Enter");
        Wait(tui, "Your details");
        tui.Type("pat");
        Wait(tui, "snapshot         aurora-pat-snap1");
        Keys(tui, "Enter");
        Wait(tui, "✓ Passed: cluster aurora-pat-cluster is");
        return tui;
    }

    /// <summary>Waits for <paramref name="text"/>, also where the terminal wrapped it: a killed TUI leaves its screen, and the shell's line after it starts wherever the cursor was.</summary>
    private static string Wait(TmuxSession tmux, string text) =>
        tmux.WaitFor($"'{text}'", screen => screen.Replace("\n", "", StringComparison.Ordinal).Contains(text, StringComparison.Ordinal), Patience);

    private static void Keys(TmuxSession tmux, params string[] keys) => tmux.SendKeys(keys);

    public void Dispose()
    {
        first?.Dispose();
        second?.Dispose();
        data.Dispose();
    }
}
