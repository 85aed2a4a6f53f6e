using System.Globalization;
using LabRunner.TestSupport;
using LabRunner.TestSupport.Peers;
using LabRunner.TestSupport.Terminals;

namespace LabRunner.Fronts.Tests.EndToEnd;

/// <summary>
/// The real binary's UI in tmux, ended by a key or by a signal sent to the process: afterwards the pane is back on the
/// main screen, cursor shown, no mouse tracking, cursor keys and keypad in normal mode (tmux reports each mode).
/// </summary>
public sealed class TerminalRestoreTests : IDisposable
{
    private const string Modes = "#{alternate_on} #{cursor_flag} #{mouse_any_flag} #{keypad_cursor_flag} #{keypad_flag}";
    private const string Restored = "0 1 0 0 0";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly TempDirectory data = new();
    private readonly TmuxSession tmux;

    public TerminalRestoreTests()
    {
        var binary = LabRunnerBinary.Path;
        // The inner shell records its pid, then becomes labrunner, so the signal goes to labrunner itself.
        var labrunner = $"echo $$ > {TmuxSession.Quote(PidFile)}; exec env -u DisableRealDriverIO {TmuxSession.Quote(binary)} --data-dir {TmuxSession.Quote(data.Path)}";
        tmux = TmuxSession.Start($"sh -c {TmuxSession.Quote(labrunner)}; echo \"labrunner exited with $?\"; exec cat", 80, 24, Repository.Root);
        tmux.WaitFor("Aurora backups and snapshots", Patience);
        Assert.Equal("1 0 1 1 1", tmux.Display(Modes));
    }

    private string PidFile => Path.Combine(data.Path, "labrunner.pid");

    [PeerTheory(RealPeer.Tmux)]
    [InlineData("INT")]
    [InlineData("QUIT")]
    [InlineData("TERM")]
    [InlineData("HUP")]
    public async Task A_signal_to_the_process_leaves_the_terminal_as_it_was(string signal)
    {
        var pid = int.Parse((await File.ReadAllTextAsync(PidFile)).Trim(), CultureInfo.InvariantCulture);

        using (var kill = System.Diagnostics.Process.Start("kill", [$"-{signal}", pid.ToString(CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync();

        tmux.WaitFor("labrunner exited with", Patience);
        Assert.Equal(Restored, tmux.Display(Modes));
    }

    [PeerFact(RealPeer.Tmux)]
    public async Task Closing_the_terminal_ends_the_process()
    {
        var pid = int.Parse((await File.ReadAllTextAsync(PidFile)).Trim(), CultureInfo.InvariantCulture);

        tmux.Dispose();

        await Eventually.HoldsAsync(() => !Directory.Exists($"/proc/{pid}"), "labrunner ends after its terminal closed (a hang-up)", TimeSpan.FromSeconds(15));
    }

    [PeerFact(RealPeer.Tmux)]
    public void Quitting_with_a_key_leaves_the_terminal_as_it_was()
    {
        tmux.SendKeys("q");

        Assert.DoesNotContain("LabRunner ·", tmux.WaitFor("labrunner exited with 0", Patience));
        Assert.Equal(Restored, tmux.Display(Modes));
    }

    public void Dispose()
    {
        tmux.Dispose();
        data.Dispose();
    }
}
