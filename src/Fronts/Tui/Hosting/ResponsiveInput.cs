using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;

namespace LabRunner.Tui.Hosting;

/// <summary>
/// Terminal.Gui's input thread asks whether the terminal has input and, when it has none, sleeps 20 ms before asking
/// again, so a key waits up to 20 ms before it is even read. This input waits in <c>poll(2)</c> for the terminal
/// instead, so a key is read the moment it arrives; after <see cref="Patience"/> without input it answers as Terminal.Gui's
/// own input would, so the thread still notices when the application stops.
/// </summary>
public sealed partial class ResponsiveInput : AnsiInput
{
    private static readonly TimeSpan Patience = TimeSpan.FromMilliseconds(100);
    private const int StandardInput = 0;
    private const short ReadyToRead = 0x0001;

    /// <summary>
    /// Makes <paramref name="app"/> (created but not yet initialised) read the terminal through a
    /// <see cref="ResponsiveInput"/> on the ANSI driver. Terminal.Gui 2.5 has no public way to choose the input, so
    /// this sets the component factory the application keeps for tests; false (and nothing changed) on Windows, when
    /// a factory is already set, or with a Terminal.Gui that no longer has that field.
    /// </summary>
    public static bool InstallInto(IApplication app)
    {
        if (OperatingSystem.IsWindows())
            return false;
        try
        {
            ref var factory = ref ComponentFactoryOf(app);
            if (factory is not null)
                return false;
            factory = new AnsiComponentFactory(new ResponsiveInput());
            return true;
        }
        catch (Exception missing) when (missing is MissingMemberException or InvalidCastException)
        {
            return false;
        }
    }

    public override bool Peek()
    {
        WaitForTerminalInput();
        return base.Peek();
    }

    private static void WaitForTerminalInput()
    {
        var terminal = new PollRequest { Descriptor = StandardInput, Events = ReadyToRead };
        try
        {
            Poll(ref terminal, 1, (int)Patience.TotalMilliseconds);
        }
        catch (Exception unavailable) when (unavailable is DllNotFoundException or EntryPointNotFoundException)
        {
            // No poll(2): Terminal.Gui's own check and sleep still apply.
        }
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
