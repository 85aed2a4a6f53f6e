using System.Runtime.InteropServices;
using System.Text;

namespace LabRunner.Tui.Hosting;

/// <summary>
/// Puts the terminal back as it was before a full-screen UI, on every way out a process can catch: the UI closing
/// (keys, or an exception unwinding), SIGINT, SIGQUIT, SIGTERM and SIGHUP sent to the process, and any other exit.
/// Terminal.Gui restores most modes only when it shuts down in order, and .NET's console leaves cursor-key and
/// keypad application modes on after every exit; so the reset is written once more, whatever happened before.
/// </summary>
public sealed class TerminalRestore : IDisposable
{
    /// <summary>How long a signal waits for the UI to close in order (saving what it must) before the process exits regardless.</summary>
    public static readonly TimeSpan SignalGrace = TimeSpan.FromSeconds(3);

    /// <summary>Every mode a LabRunner UI turns on, turned off; each is harmless when already off.</summary>
    public const string ResetSequence =
        "\e[0m" // default colours
        + "\e[?2004l" // bracketed paste
        + "\e[?1000l\e[?1002l\e[?1003l\e[?1006l\e[?1015l" // mouse tracking and its encodings
        + "\e[?1l\e>" // cursor keys and keypad back from application mode
        + "\e[?25h" // cursor shown
        + "\e[?1049l"; // the main screen, cursor where it was

    private readonly Stream terminal;
    private int restored;

    private TerminalRestore(Stream terminal)
    {
        this.terminal = terminal;
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        AppDomain.CurrentDomain.UnhandledException += OnUnhandledException;
    }

    /// <summary>Restores the terminal (standard output) when disposed, and at process exit or an unhandled exception if that comes first.</summary>
    public static TerminalRestore OnEveryExit() => new(Console.OpenStandardOutput());

    /// <summary>
    /// Until disposed, SIGINT, SIGQUIT (Ctrl-\), SIGTERM and SIGHUP (the terminal closed) call <paramref name="close"/> (which should make
    /// the UI return, restoring the terminal on its way out), then end the process after <see cref="SignalGrace"/> if it
    /// has not, with 128 + the signal's number: a UI left running on a dead terminal would spin. Restoring from the
    /// handler instead would race the UI's next frame, which hides the cursor again. Progress is saved as it is made, so
    /// none of them loses anything acknowledged.
    /// </summary>
    public static IDisposable CloseOnSignals(Action close) => new SignalHandlers(close);

    /// <summary>Writes <see cref="ResetSequence"/>; only the first call does.</summary>
    public void Restore()
    {
        if (Interlocked.Exchange(ref restored, 1) == 1)
            return;
        try
        {
            terminal.Write(Encoding.ASCII.GetBytes(ResetSequence));
            terminal.Flush();
        }
        catch (IOException)
        {
            // The terminal is gone (a hang-up): nothing left to restore.
        }
    }

    public void Dispose()
    {
        Restore();
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        AppDomain.CurrentDomain.UnhandledException -= OnUnhandledException;
    }

    private void OnProcessExit(object? sender, EventArgs e) => Restore();

    private void OnUnhandledException(object? sender, UnhandledExceptionEventArgs e) => Restore();

    private sealed class SignalHandlers : IDisposable
    {
        private readonly PosixSignalRegistration[] registrations;
        private static readonly Lock Gate = new();

        /// <summary>Static, so the timer outlives these handlers: an unreferenced timer is collected and never fires.</summary>
        private static Timer? deadline;

        public SignalHandlers(Action close)
        {
            registrations =
            [
                PosixSignalRegistration.Create(PosixSignal.SIGHUP, context => Close(context, 1, close)),
                PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Close(context, 2, close)),
                PosixSignalRegistration.Create(PosixSignal.SIGQUIT, context => Close(context, 3, close)),
                PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Close(context, 15, close)),
            ];
        }

        // Once a signal came, the process ends within the grace whatever runs after the UI.
        private static void Close(PosixSignalContext context, int number, Action close)
        {
            context.Cancel = true;
            lock (Gate)
                deadline ??= new Timer(_ => Environment.Exit(128 + number), null, SignalGrace, Timeout.InfiniteTimeSpan);
            close();
        }

        public void Dispose()
        {
            foreach (var registration in registrations)
                registration.Dispose();
        }
    }
}
