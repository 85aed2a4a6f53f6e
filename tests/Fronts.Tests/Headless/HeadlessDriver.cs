using System.Runtime.CompilerServices;

namespace LabRunner.Fronts.Tests.Headless;

internal static class HeadlessDriver
{
    /// <summary>
    /// Terminal.Gui's ANSI driver reads and writes the real console unless this is set before Init: without it a test
    /// run from a terminal takes the screen over and hangs.
    /// </summary>
    [ModuleInitializer]
    internal static void DisableRealConsole() => Environment.SetEnvironmentVariable("DisableRealDriverIO", "1");
}
