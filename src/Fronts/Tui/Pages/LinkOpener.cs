using System.Diagnostics;

namespace LabRunner.Tui.Pages;

/// <summary>Opens a link from a page in the desktop's browser or viewer, when there is one.</summary>
public static class LinkOpener
{
    /// <summary>Starts the platform's opener on <paramref name="target"/>; false when none could be started (a bare terminal, SSH).</summary>
    public static bool TryOpen(string target)
    {
        var opener = OperatingSystem.IsMacOS() ? "open" : OperatingSystem.IsWindows() ? "explorer" : "xdg-open";
        try
        {
            var start = new ProcessStartInfo(opener)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(target);
            using var process = Process.Start(start);
            return process is not null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
