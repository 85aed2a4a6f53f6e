using LabRunner.Cli.Targets;
using LabRunner.TestSupport;
using LabRunner.TestSupport.Terminals;

namespace LabRunner.Fronts.Tests.EndToEnd;

/// <summary>The labrunner binary's TUI in tmux at 80×24 on its own sandbox and data folder, as the end-to-end tests drive it.</summary>
internal static class TuiInTmux
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Starts it with snapshots taking <paramref name="snapshotSeconds"/>, and <paramref name="environment"/> (NAME=value words) set.</summary>
    /// <param name="arguments">Words before the options, already quoted for the shell (e.g. <c>run LAB --watch</c>).</param>
    public static TmuxSession Start(string dataDirectory, int snapshotSeconds, string environment = "", string arguments = "") =>
        TmuxSession.Start(Command(dataDirectory, snapshotSeconds, environment, arguments), 80, 24, Repository.Root);

    /// <summary>The shell command that runs it; the pane says "labrunner exited with N" when it ends.</summary>
    public static string Command(string dataDirectory, int snapshotSeconds, string environment = "", string arguments = "") =>
        // The tests' own headless switch must not reach the real binary, or it would draw nothing.
        $"env -u DisableRealDriverIO {SandboxTarget.SnapshotSecondsVariable}={snapshotSeconds} {environment} {TmuxSession.Quote(LabRunnerBinary.Path)} {arguments} --data-dir {TmuxSession.Quote(dataDirectory)}; echo \"labrunner exited with $?\"; exec cat";
}
