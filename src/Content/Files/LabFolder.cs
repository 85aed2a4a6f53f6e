using LabRunner.Content.Findings;
using LabRunner.Content.Text;

namespace LabRunner.Content.Files;

/// <summary>
/// A lab's folder: the only place a lab may make LabRunner read. Every path a lab names (pages, images, links)
/// is resolved here, and one that leaves the folder, whether by an absolute path, <c>../</c> or a symbolic link, is refused.
/// </summary>
public sealed class LabFolder
{
    private readonly string realRoot;

    /// <param name="root">The folder.</param>
    /// <param name="displayRoot">How the user named it, to build the paths shown in findings.</param>
    public LabFolder(string root, string displayRoot)
    {
        Root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        DisplayRoot = Path.TrimEndingDirectorySeparator(displayRoot);
        realRoot = RealPath.Of(Root) ?? Root;
    }

    public string Root { get; }

    public string DisplayRoot { get; }

    /// <summary>The path to show a person for a file inside the folder, e.g. <c>labs/aurora-backup/pages/recap.md</c>.</summary>
    public string DisplayPathOf(string fullPath) =>
        Path.Join(DisplayRoot, Path.GetRelativePath(Root, fullPath)).Replace('\\', '/');

    /// <summary>Resolves <paramref name="reference"/> (as written in lab.yaml or a page) against <paramref name="baseDirectory"/>, a folder inside the lab.</summary>
    public LabPath Resolve(string reference, string? baseDirectory = null)
    {
        var decoded = Uri.UnescapeDataString(reference);
        var quoted = $"'{Echo.Of(reference)}'";
        if (decoded.AsSpan().IndexOfAnyInRange('\0', '\x1f') is var control and >= 0)
            return LabPath.Invalid(reference, $"{quoted} is not a usable path: it holds control character U+{(int)decoded[control]:X4}");
        if (Path.IsPathRooted(decoded))
            return LabPath.Refused(reference, $"{quoted} is an absolute path; name files relative to the lab folder");
        var full = Path.GetFullPath(Path.Join(baseDirectory ?? Root, decoded));
        if (!IsInside(Root, full))
            return LabPath.Refused(reference, $"{quoted} points outside the lab folder, and a lab may read only inside it");
        var real = RealPath.Of(full);
        if (real is null)
            return LabPath.Refused(reference, $"{quoted} is reached through symbolic links that loop");
        if (!IsInside(realRoot, real))
            return LabPath.Refused(reference, $"{quoted} leads outside the lab folder through a symbolic link, and a lab may read only inside it");
        var display = Echo.Of(DisplayPathOf(full), Echo.MessageLength);
        return FileKinds.Of(real) switch
        {
            FileKind.Regular => new LabPath(reference, real, full, display, LabPathStatus.File, null),
            FileKind.Directory => new LabPath(reference, real, full, display, LabPathStatus.Directory, $"{quoted} is a folder, not a file"),
            FileKind.Missing => new LabPath(reference, real, full, display, LabPathStatus.Missing, $"{quoted} does not exist"),
            _ => new LabPath(reference, real, full, display, LabPathStatus.Special, $"{quoted} is not a regular file (a pipe, device or socket), and LabRunner reads only regular files"),
        };
    }

    /// <summary>Reads a resolved file as text, capped and checked (see <see cref="TextFileReader"/>).</summary>
    public static TextFileResult ReadText(LabPath path) => TextFileReader.Read(path.FullPath, path.DisplayPath);

    private static bool IsInside(string folder, string path) =>
        path == folder || path.StartsWith(Path.EndsInDirectorySeparator(folder) ? folder : folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}

public enum LabPathStatus
{
    File,
    Missing,
    Directory,
    Refused,
    /// <summary>The name itself cannot be a path (it holds a NUL or another control character).</summary>
    Invalid,
    /// <summary>A pipe, device or socket: reading it could block or never end.</summary>
    Special,
}

/// <param name="Reference">As written.</param>
/// <param name="FullPath">The real path (symbolic links resolved), to read from; empty when refused.</param>
/// <param name="LogicalPath">The absolute path as named (links not resolved), to resolve further references against; empty when refused.</param>
/// <param name="Problem">Why the path cannot be used, or null for an existing file.</param>
public sealed record LabPath(string Reference, string FullPath, string LogicalPath, string DisplayPath, LabPathStatus Status, string? Problem)
{
    public bool Exists => Status == LabPathStatus.File;

    /// <summary>The finding code for a page named by this path that cannot be read, by why.</summary>
    public FindingCode ProblemCode => Status switch
    {
        LabPathStatus.Refused => FindingCodes.EscapesLab,
        LabPathStatus.Invalid => FindingCodes.BadValue,
        LabPathStatus.Special => FindingCodes.Unreadable,
        _ => FindingCodes.MissingPage,
    };

    public static LabPath Refused(string reference, string problem) => new(reference, "", "", Echo.Of(reference), LabPathStatus.Refused, problem);

    public static LabPath Invalid(string reference, string problem) => new(reference, "", "", Echo.Of(reference), LabPathStatus.Invalid, problem);
}
