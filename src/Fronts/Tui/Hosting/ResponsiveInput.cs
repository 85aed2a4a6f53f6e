using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;

namespace LabRunner.Tui.Hosting;

/// <summary>
/// Terminal.Gui's input thread asks whether the terminal has input and, when it has none, sleeps 20 ms before asking
/// again, so a key waits up to 20 ms before it is even read. This input waits in <c>poll(2)</c> for the terminal
/// instead, so a key is read the moment it arrives; after <see cref="Patience"/> without input it answers as Terminal.Gui's
/// own input would, so the thread still notices when the application stops. Once what it read is queued, it says so
/// to the main loop, which then wakes for it at once.
/// </summary>
public sealed partial class ResponsiveInput : AnsiInput
{
    private static readonly TimeSpan Patience = TimeSpan.FromMilliseconds(100);
    private const int StandardInput = 0;
    private const short ReadyToRead = 0x0001;
    private const short Failed = 0x0008;
    private const short HungUp = 0x0010;
    private const short NotOpen = 0x0020;

    private readonly Action queued;
    private bool read;

    private ResponsiveInput(Action queued) => this.queued = queued;

    /// <summary>
    /// Makes <paramref name="app"/> (created but not yet initialised) read the terminal through a
    /// <see cref="ResponsiveInput"/> on the ANSI driver. Terminal.Gui 2.5 has no public way to choose the input, so
    /// this sets the component factory the application keeps for tests; false (and nothing changed) on Windows, when
    /// a factory is already set, or with a Terminal.Gui that no longer has that field. <paramref name="queued"/> runs on
    /// the input thread each time what was read has been queued for the main loop.
    /// </summary>
    public static bool InstallInto(IApplication app, Action queued)
    {
        if (OperatingSystem.IsWindows())
            return false;
        try
        {
            ref var factory = ref ComponentFactoryOf(app);
            if (factory is not null)
                return false;
            factory = new AnsiComponentFactory(new ResponsiveInput(queued));
            return true;
        }
        catch (Exception missing) when (missing is MissingMemberException or InvalidCastException)
        {
            return false;
        }
    }

    /// <summary>
    /// A terminal that has gone (the window closed) reads as always ready with nothing to read; Terminal.Gui's input
    /// thread would spin on it without ever seeing the application stop, so it is answered as "no input".
    /// Terminal.Gui's input thread asks again right after queueing what the last answer let it read.
    /// </summary>
    public override bool Peek()
    {
        if (read)
            queued();
        read = !WaitForTerminalInputOrHangUp() && base.Peek();
        return read;
    }

    /// <summary>Waits until the terminal has input, has gone, or <see cref="Patience"/> passed; true when it has gone.</summary>
    private static bool WaitForTerminalInputOrHangUp()
    {
        var terminal = new PollRequest { Descriptor = StandardInput, Events = ReadyToRead };
        try
        {
            Poll(ref terminal, 1, (int)Patience.TotalMilliseconds);
        }
        catch (Exception unavailable) when (unavailable is DllNotFoundException or EntryPointNotFoundException)
        {
            // No poll(2): Terminal.Gui's own check and sleep still apply.
            return false;
        }
        return (terminal.ReturnedEvents & (Failed | HungUp | NotOpen)) != 0;
    }

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_componentFactory")]
    private static extern ref IComponentFactory? ComponentFactoryOf([UnsafeAccessorType("Terminal.Gui.App.ApplicationImpl, Terminal.Gui")] object app);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    private static partial int Poll(ref PollRequest request, nuint count, int timeoutMilliseconds);

    [StructLayout(LayoutKind.Sequential)]
    private struct PollRequest
    {
        public int Descriptor;
        public short Events;
        public short ReturnedEvents;
    }
}
