using System.Text;

namespace LabRunner.Cli;

/// <summary>
/// Unexpected failures go to a log file with their stack trace; the user sees one line pointing at it. The log is
/// <c>logs/labrunner.log</c> in the data folder, readable by its owner only (folders 0700, file 0600), and a symbolic
/// link at its path is refused, never followed. When the data folder cannot take the log, a new private folder in
/// the temporary folder does (made afresh each time, so nobody can have planted anything there).
/// </summary>
public static class ErrorLog
{
    public const string FileName = "labrunner.log";

    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Appends <paramref name="exception"/> to the log of the data folder (<paramref name="dataDirectory"/>, else the default one) and returns the log's path.</summary>
    public static string Write(Exception exception, string? dataDirectory = null)
    {
        var entry = Encoding.UTF8.GetBytes($"{DateTimeOffset.UtcNow:O} {exception}{Environment.NewLine}");
        var file = Path.Combine(DataDirectory.Resolve(dataDirectory), "logs", FileName);
        try
        {
            Append(file, entry);
            return file;
        }
        catch (Exception logFailure) when (logFailure is IOException or UnauthorizedAccessException)
        {
            var fallback = Path.Combine(Directory.CreateTempSubdirectory("labrunner-").FullName, FileName);
            Append(fallback, entry);
            return fallback;
        }
    }

    private static void Append(string file, byte[] entry)
    {
        DataDirectory.CreatePrivate(Path.GetDirectoryName(file)!);
        if (new FileInfo(file).LinkTarget is { } target)
            throw new IOException($"{file} is a symbolic link (to {target}); the log is not written through one");
        var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.Read };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = OwnerOnlyFile;
        using var stream = new FileStream(file, options);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(stream.SafeFileHandle, OwnerOnlyFile);
        stream.Write(entry);
    }
}
