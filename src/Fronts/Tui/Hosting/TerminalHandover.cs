using System.Runtime.InteropServices;

namespace LabRunner.Tui.Hosting;

/// <summary>
/// Hands this terminal to a child program and takes it back. Terminal.Gui's input thread keeps reading standard input
/// while the UI waits, so it would steal the child's keys: while handed over, standard input (descriptor 0) is a pipe
/// nobody writes to, and the child reads the terminal itself (<c>/dev/tty</c>). The terminal's modes (raw input) are
/// saved first and put back after, whatever the child left.
/// </summary>
internal sealed partial class TerminalHandover : IDisposable
{
    private const int StandardInput = 0;
    private const int TermiosSize = 256;

    private readonly int savedInput;
    private readonly int pipeRead;
    private readonly int pipeWrite;
    private readonly byte[] modes = new byte[TermiosSize];
    private readonly bool modesSaved;

    private TerminalHandover(int savedInput, int pipeRead, int pipeWrite)
    {
        this.savedInput = savedInput;
        this.pipeRead = pipeRead;
        this.pipeWrite = pipeWrite;
        modesSaved = GetModes(savedInput, modes) == 0;
    }

    /// <summary>Whether standard input and output are a terminal on a system where the handover works (Linux, macOS).</summary>
    public static bool IsPossible => (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()) && IsTerminal(StandardInput) == 1 && IsTerminal(1) == 1;

    /// <summary>Takes standard input away from this process until disposed; null when the system refuses.</summary>
    public static unsafe TerminalHandover? Begin()
    {
        var saved = Duplicate(StandardInput);
        if (saved < 0)
            return null;
        var ends = stackalloc int[2];
        if (Pipe(ends) != 0)
        {
            _ = Close(saved);
            return null;
        }
        if (DuplicateOnto(ends[0], StandardInput) < 0)
        {
            _ = Close(ends[0]);
            _ = Close(ends[1]);
            _ = Close(saved);
            return null;
        }
        return new TerminalHandover(saved, ends[0], ends[1]);
    }

    /// <summary>Puts the terminal's modes and standard input back.</summary>
    public void Dispose()
    {
        if (modesSaved)
            SetModes(savedInput, TcsaNow, modes);
        _ = DuplicateOnto(savedInput, StandardInput);
        _ = Close(savedInput);
        _ = Close(pipeRead);
        _ = Close(pipeWrite);
    }

    private const int TcsaNow = 0;

    [LibraryImport("libc", EntryPoint = "isatty")]
    private static partial int IsTerminal(int descriptor);

    [LibraryImport("libc", EntryPoint = "dup")]
    private static partial int Duplicate(int descriptor);

    [LibraryImport("libc", EntryPoint = "dup2")]
    private static partial int DuplicateOnto(int descriptor, int target);

    [LibraryImport("libc", EntryPoint = "pipe")]
    private static unsafe partial int Pipe(int* ends);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int descriptor);

    [LibraryImport("libc", EntryPoint = "tcgetattr")]
    private static partial int GetModes(int descriptor, [Out] byte[] termios);

    [LibraryImport("libc", EntryPoint = "tcsetattr")]
    private static partial int SetModes(int descriptor, int when, byte[] termios);
}
