using System.Runtime.InteropServices;

namespace LabRunner.Content.Files;

/// <summary>
/// What a path is, asked before opening it: a lab may name a pipe (opening it waits for a writer forever) or a device
/// such as /dev/zero (it never ends), and LabRunner reads only regular files. .NET tells a directory from a file but not
/// a regular file from a pipe or device, so on Linux the kernel is asked (statx, whose layout is the same on every
/// architecture); elsewhere, or where the C library has no statx, .NET's answer stands.
/// </summary>
public enum FileKind
{
    Missing,
    Regular,
    Directory,
    /// <summary>A pipe, character or block device, or socket.</summary>
    Special,
}

public static partial class FileKinds
{
    private const int CurrentDirectory = -100; // AT_FDCWD
    private const uint TypeWanted = 0x1; // STATX_TYPE
    private const ushort TypeMask = 0xF000; // S_IFMT
    private const ushort RegularType = 0x8000; // S_IFREG
    private const ushort DirectoryType = 0x4000; // S_IFDIR

    /// <summary>The kind of file at <paramref name="path"/>, symbolic links followed.</summary>
    public static FileKind Of(string path)
    {
        if (KernelKind(path) is { } kind)
            return kind;
        if (Directory.Exists(path))
            return FileKind.Directory;
        return File.Exists(path) ? FileKind.Regular : FileKind.Missing;
    }

    /// <summary>False once the C library turned out to lack statx (glibc before 2.28, or no libc by that name).</summary>
    private static bool statxWorks = OperatingSystem.IsLinux();

    private static FileKind? KernelKind(string path)
    {
        if (!statxWorks)
            return null;
        try
        {
            if (Statx(CurrentDirectory, path, 0, TypeWanted, out var status) != 0)
                return null;
            return (status.Mode & TypeMask) switch
            {
                RegularType => FileKind.Regular,
                DirectoryType => FileKind.Directory,
                _ => FileKind.Special,
            };
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            statxWorks = false;
            return null;
        }
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, out StatxBuffer status);

    /// <summary>The start of Linux's <c>struct statx</c> (256 bytes in all); only the mode is read.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 256)]
    private struct StatxBuffer
    {
        public uint Mask;
        public uint BlockSize;
        public ulong Attributes;
        public uint Links;
        public uint User;
        public uint Group;
        public ushort Mode;
    }
}
