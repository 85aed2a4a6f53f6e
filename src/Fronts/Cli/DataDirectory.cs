namespace LabRunner.Cli;

/// <summary>The per-user folder for progress, sandbox state and logs, resolved the XDG way.</summary>
public static class DataDirectory
{
    /// <summary>Creates <paramref name="path"/> and any missing parent as folders only their owner may enter (0700); folders that exist are left as they are.</summary>
    public static void CreatePrivate(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }
        if (Directory.Exists(path))
            return;
        // Directory.CreateDirectory gives the mode to the last folder only; the parents it makes would be 0755.
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } parent)
            CreatePrivate(parent);
        Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public static string Resolve(string? explicitPath = null)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath))
            return Path.GetFullPath(explicitPath);
        var fromEnvironment = Environment.GetEnvironmentVariable("LABRUNNER_DATA_DIR");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
            return Path.GetFullPath(fromEnvironment);
        var xdgDataHome = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        var dataHome = string.IsNullOrWhiteSpace(xdgDataHome)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share")
            : xdgDataHome;
        return Path.Combine(dataHome, "labrunner");
    }
}
