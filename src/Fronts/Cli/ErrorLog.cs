using System.Text;

namespace LabRunner.Cli;

/// <summary>
/// Unexpected failures go to a log file with their stack trace; the user sees one line pointing at it. The log is
/// <c>logs/labrunner.log</c> in the data folder, readable by its owner only (folders 0700, file 0600), and a symbolic
/// link at its path is refused by the open itself (O_NOFOLLOW), never followed. When the data folder cannot take the
/// log, a new private folder in the temporary folder does (made afresh each time, so nobody can have planted anything there).
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
            DataDirectory.CreatePrivate(Path.GetDirectoryName(file)!);
            using var log = OpenToAppend(file);
            WriteOwnerOnly(log, entry);
            return file;
        }
        catch (Exception logFailure) when (logFailure is IOException or UnauthorizedAccessException)
        {
            // CreateNew (O_EXCL) follows no link, though nobody can have planted one in a folder this new.
            var fallback = Path.Combine(Directory.CreateTempSubdirectory("labrunner-").FullName, FileName);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
                options.UnixCreateMode = OwnerOnlyFile;
            using var log = new FileStream(fallback, options);
            WriteOwnerOnly(log, entry);
            return fallback;
        }
    }

    /// <summary>The log, opened to append without following a link at its path where O_NOFOLLOW is known (not on Windows, where making a link takes privileges).</summary>
    private static FileStream OpenToAppend(string file) => NoFollowFile.IsSupported
        ? NoFollowFile.OpenToAppend(file, OwnerOnlyFile)
        : new FileStream(file, new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.Read });

    private static void WriteOwnerOnly(FileStream log, byte[] entry)
    {
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(log.SafeFileHandle, OwnerOnlyFile);
        log.Write(entry);
    }
}
