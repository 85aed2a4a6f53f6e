using System.Diagnostics;

namespace LabRunner.TestSupport.Terminals;

/// <summary>
/// A private tmux server (its own socket, so nothing else is touched) with one pane of a fixed size running a shell
/// command: keys go in with send-keys, the screen comes out with capture-pane. Disposing kills the server and
/// whatever still runs in it.
/// </summary>
public sealed class TmuxSession : IDisposable
{
    public const string Target = "lab";
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(5);

    private readonly string socket = $"labrunner-test-{Guid.NewGuid():N}";

    private TmuxSession()
    {
    }

    /// <summary>Starts <paramref name="shellCommand"/> (run by <c>sh -c</c>) in a <paramref name="width"/>×<paramref name="height"/> pane.</summary>
    public static TmuxSession Start(string shellCommand, int width, int height, string workingDirectory)
    {
        var session = new TmuxSession();
        try
        {
            session.Tmux("new-session", "-d", "-s", Target, "-x", width.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "-y", height.ToString(System.Globalization.CultureInfo.InvariantCulture), "-c", workingDirectory, shellCommand);
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>Replaces what runs in the pane with <paramref name="shellCommand"/> (the old one is killed).</summary>
    public void Respawn(string shellCommand, string workingDirectory) =>
        Tmux("respawn-pane", "-k", "-t", Target, "-c", workingDirectory, shellCommand);

    /// <summary>The pane's text, one line per row, without colours.</summary>
    public string Capture() => Tmux("capture-pane", "-p", "-t", Target);

    /// <summary>Keys by tmux name (<c>Enter</c>, <c>Escape</c>, <c>C-c</c>, <c>Right</c>) or single characters.</summary>
    public void SendKeys(params string[] keys) => Tmux(["send-keys", "-t", Target, .. keys]);

    /// <summary>The process id of what runs in the pane (the shell, or what it exec'd).</summary>
    public int PanePid() => int.Parse(Tmux("display-message", "-p", "-t", Target, "#{pane_pid}").Trim(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>tmux's format variables of the pane, e.g. <c>#{alternate_on} #{cursor_flag}</c> for its terminal modes.</summary>
    public string Display(string format) => Tmux("display-message", "-p", "-t", Target, format).Trim();

    /// <summary>Appends everything the pane's program writes from now on, as written (escape sequences included), to <paramref name="file"/>.</summary>
    public void CopyOutputTo(string file) => Tmux("pipe-pane", "-o", "-t", Target, "cat >> " + Quote(file));

    /// <summary>Types <paramref name="text"/> literally, as a person would.</summary>
    public void Type(string text) => Tmux("send-keys", "-t", Target, "-l", text);

    /// <summary>Polls the screen until <paramref name="condition"/> holds and returns that screen, settled; fails with the last screen after <paramref name="timeout"/>.</summary>
    public string WaitFor(string describe, Func<string, bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var screen = Capture();
            if (condition(screen))
                return Settled(screen, condition);
            if (clock.Elapsed > timeout)
                throw new TimeoutException($"tmux: no {describe} after {timeout.TotalSeconds:0} s; the screen is:\n{screen}");
            Thread.Sleep(PollEvery);
        }
    }

    /// <summary>
    /// A capture can catch a frame half written. Captures again until two in a row agree (a few tries at most, since
    /// a ticking clock on screen never settles), keeping the latest that still satisfies <paramref name="condition"/>.
    /// </summary>
    private string Settled(string screen, Func<string, bool> condition)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            Thread.Sleep(PollEvery);
            var next = Capture();
            if (next == screen)
                return screen;
            if (condition(next))
                screen = next;
        }
        return screen;
    }

    public string WaitFor(string text, TimeSpan timeout) => WaitFor($"'{text}'", screen => screen.Contains(text, StringComparison.Ordinal), timeout);

    /// <summary>A word for <c>sh</c>, quoted.</summary>
    public static string Quote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private string Tmux(params string[] arguments)
    {
        var start = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-L");
        start.ArgumentList.Add(socket);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var tmux = Process.Start(start)!;
        var output = tmux.StandardOutput.ReadToEndAsync();
        var error = tmux.StandardError.ReadToEnd();
        tmux.WaitForExit();
        if (tmux.ExitCode != 0)
            throw new InvalidOperationException($"tmux {string.Join(' ', arguments)} failed ({tmux.ExitCode}): {error.Trim()}");
        return output.Result;
    }

    public void Dispose()
    {
        try
        {
            Tmux("kill-server");
        }
        catch (InvalidOperationException)
        {
            // The server is already gone.
        }
    }
}
