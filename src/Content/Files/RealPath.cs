namespace LabRunner.Content.Files;

/// <summary>
/// A path with every symbolic link along it resolved, like POSIX realpath; parts that do not exist are kept as written.
/// Null when the links loop.
/// </summary>
internal static class RealPath
{
    private const int MaxLinks = 40;

    public static string? Of(string fullPath) => Of(fullPath, MaxLinks);

    private static string? Of(string fullPath, int linksLeft)
    {
        var root = Path.GetPathRoot(fullPath) ?? "";
        var current = root;
        var parts = fullPath[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        for (var index = 0; index < parts.Length; index++)
        {
            var next = Path.Join(current, parts[index]);
            var target = LinkTarget(next);
            if (target is null)
            {
                current = next;
                continue;
            }
            var resolved = linksLeft == 0 ? null : Of(Path.GetFullPath(target, current), linksLeft - 1);
            if (resolved is null)
                return null;
            current = resolved;
        }
        return current.Length == 0 ? root : current;
    }

    private static string? LinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
