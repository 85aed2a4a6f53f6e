namespace LabRunner.Cli;

/// <summary>Unexpected failures go to a log file with their stack trace; the user sees one line pointing at it.</summary>
public static class ErrorLog
{
    public static string Write(Exception exception, string? dataDirectory = null)
    {
        var directory = Path.Combine(DataDirectory.Resolve(dataDirectory), "logs");
        var file = Path.Combine(directory, "labrunner.log");
        try
        {
            Directory.CreateDirectory(directory);
            File.AppendAllText(file, $"{DateTimeOffset.UtcNow:O} {exception}{Environment.NewLine}");
            return file;
        }
        catch (Exception logFailure) when (logFailure is IOException or UnauthorizedAccessException)
        {
            var fallback = Path.Combine(Path.GetTempPath(), "labrunner.log");
            File.AppendAllText(fallback, $"{DateTimeOffset.UtcNow:O} {exception}{Environment.NewLine}");
            return fallback;
        }
    }
}
