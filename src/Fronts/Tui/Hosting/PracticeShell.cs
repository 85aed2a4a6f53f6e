using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;

namespace LabRunner.Tui.Hosting;

/// <summary>
/// The learner's own shell (<c>$SHELL</c>, else <c>/bin/sh</c>) in this terminal, with the environment given (the
/// sandbox's, for the AWS CLI): the UI steps aside, the shell runs until the learner leaves it, and the UI comes back
/// as it was, redrawn whole.
/// </summary>
public static class PracticeShell
{
    /// <summary>Gives the shell the terminal, prints the banner on a clear screen and runs the shell interactively; the banner is a variable, never code.</summary>
    private const string Launcher =
        """
        exec </dev/tty
        stty sane 2>/dev/null
        printf '\033[H\033[2J%s\n' "$LABRUNNER_BANNER"
        unset LABRUNNER_BANNER
        exec "$LABRUNNER_SHELL" -i
        """;

    /// <summary>Runs the shell until it exits; null when it ran, else why it could not.</summary>
    /// <param name="environment">Variables to set, or to remove where the value is null.</param>
    public static string? Run(IApplication app, IReadOnlyList<KeyValuePair<string, string?>> environment, string banner)
    {
        if (!TerminalHandover.IsPossible)
            return "the practice shell needs a terminal on Linux or macOS";
        using (var handover = TerminalHandover.Begin())
        {
            if (handover is null)
                return "this terminal cannot be handed to a shell";
            Write(TerminalRestore.ResetSequence);
            try
            {
                using var shell = Process.Start(StartInfo(environment, banner))!;
                shell.WaitForExit();
            }
            catch (Win32Exception problem)
            {
                return $"/bin/sh could not start ({problem.Message})";
            }
        }
        Write(EscSeqUtils.CSI_SaveCursorAndActivateAltBufferNoBackscroll + EscSeqUtils.CSI_EnableMouseEvents + EscSeqUtils.CSI_EnableBracketedPaste);
        app.LayoutAndDraw(forceRedraw: true);
        return null;
    }

    /// <summary>The learner's login shell when it names a program, else /bin/sh.</summary>
    public static string ShellProgram =>
        Environment.GetEnvironmentVariable("SHELL") is { } shell && Path.IsPathFullyQualified(shell) && File.Exists(shell) ? shell : "/bin/sh";

    private static ProcessStartInfo StartInfo(IReadOnlyList<KeyValuePair<string, string?>> environment, string banner)
    {
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Launcher);
        foreach (var (name, value) in environment)
        {
            if (value is null)
                start.Environment.Remove(name);
            else
                start.Environment[name] = value;
        }
        start.Environment["LABRUNNER_SHELL"] = ShellProgram;
        start.Environment["LABRUNNER_BANNER"] = banner;
        return start;
    }

    private static void Write(string sequence)
    {
        using var terminal = Console.OpenStandardOutput();
        terminal.Write(Encoding.ASCII.GetBytes(sequence));
        terminal.Flush();
    }
}
