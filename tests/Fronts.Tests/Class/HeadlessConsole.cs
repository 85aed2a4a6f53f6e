using System.Runtime.CompilerServices;

namespace LabRunner.Fronts.Tests.Class;

internal static class HeadlessConsole
{
    /// <summary>Terminal.Gui's ANSI driver takes over the real console unless this is set before Init; tests must never do that.</summary>
    [ModuleInitializer]
    internal static void DisableRealDriverIO() => Environment.SetEnvironmentVariable("DisableRealDriverIO", "1");
}
