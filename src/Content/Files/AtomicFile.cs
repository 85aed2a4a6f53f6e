namespace LabRunner.Content.Files;

/// <summary>
/// Whole-file replacement that a crash cannot tear: the new content goes to a temporary file beside the target
/// (<c>.NAME.RANDOM.tmp</c>), is flushed to disk, then renamed over the target. A reader sees the old file or the new
/// one, never a mix; a writer killed mid-way leaves only a temporary file, which <see cref="RemoveStaleTemporaries"/>
/// clears later. Files are written readable by their owner only.
/// </summary>
public static class AtomicFile
{
    /// <summary>Temporary files older than this belong to a writer that died: a live one renames within milliseconds.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(1);

    /// <summary>Writes the file through <paramref name="write"/> and puts it in place.</summary>
    public static void Replace(string path, Action<FileStream> write) =>
        Replace(path, stream =>
        {
            write(stream);
            return true;
        });

    /// <summary>Writes the file through <paramref name="write"/> and puts it in place; returns what <paramref name="write"/> returned, read before the rename.</summary>
    public static T Replace<T>(string path, Func<FileStream, T> write)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            T result;
            using (var stream = new FileStream(temporary, OwnerOnly()))
            {
                result = write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
            return result;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>A new file only its owner may read or write (0600): progress, sandbox state and stored keys are nobody else's.</summary>
    private static FileStreamOptions OwnerOnly()
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        return options;
    }

    /// <summary>
    /// Deletes the temporary files of <paramref name="path"/> left by writers that were killed before their rename.
    /// Call it while holding the lock that every writer of <paramref name="path"/> holds, so no live writer is mid-way.
    /// </summary>
    public static void RemoveStaleTemporaries(string path, DateTime utcNow)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(directory))
            return;
        foreach (var temporary in Directory.EnumerateFiles(directory, $".{Path.GetFileName(path)}.*.tmp"))
        {
            try
            {
                if (utcNow - File.GetLastWriteTimeUtc(temporary) > StaleAfter)
                    File.Delete(temporary);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Not ours to remove after all (another user's, or already gone): leave it.
            }
        }
    }
}
