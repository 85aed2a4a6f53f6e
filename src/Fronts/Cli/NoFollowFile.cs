using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Microsoft.Win32.SafeHandles;

namespace LabRunner.Cli;

/// <summary>
/// Opens a file to append to without following a symbolic link at its path: open(2) with O_NOFOLLOW, so no link can be
/// swapped in between a check and the open. .NET's FileStream has no such option; the flags are the platforms' own
/// values from their <c>fcntl.h</c>, known here for Linux, macOS and FreeBSD.
/// </summary>
internal static partial class NoFollowFile
{
    private static readonly int? AppendFlags = FlagsForThisPlatform();

    /// <summary>Whether this platform's O_NOFOLLOW is known here.</summary>
    [UnsupportedOSPlatformGuard("windows")]
    public static bool IsSupported => AppendFlags is not null;

    /// <summary>
    /// Opens <paramref name="path"/> to append, first creating it with <paramref name="mode"/> where there is nothing at
    /// the path (O_CREAT | O_EXCL, which follows no link either). A link at the path, or any other failure, is an <see cref="IOException"/>.
    /// </summary>
    [UnsupportedOSPlatform("windows")]
    public static FileStream OpenToAppend(string path, UnixFileMode mode)
    {
        var flags = AppendFlags ?? throw new PlatformNotSupportedException("O_NOFOLLOW is not known on this platform");
        CreateIfAbsent(path, mode);
        // Without O_CREAT open(2) takes no mode: its variadic third argument, which platforms pass differently, is never read.
        var descriptor = Open(path, flags);
        if (descriptor < 0)
            throw new IOException($"cannot open {path} without following links: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
        var stream = new FileStream(new SafeFileHandle(descriptor, ownsHandle: true), FileAccess.Write);
        stream.Seek(0, SeekOrigin.End); // O_APPEND appends wherever FileStream thinks it is; its position starts at the end too
        return stream;
    }

    [UnsupportedOSPlatform("windows")]
    private static void CreateIfAbsent(string path, UnixFileMode mode)
    {
        try
        {
            using var created = new FileStream(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = mode });
        }
        catch (IOException)
        {
            // Something is there already: the open below takes a file and refuses a link.
        }
    }

    /// <summary>O_WRONLY | O_APPEND | O_NOFOLLOW | O_CLOEXEC.</summary>
    private static int? FlagsForThisPlatform()
    {
        const int writeOnly = 0x1;
        if (OperatingSystem.IsLinux())
        {
            // O_NOFOLLOW is 0100000 on ARM and POWER, 0400000 elsewhere (asm-generic).
            var noFollow = RuntimeInformation.ProcessArchitecture is Architecture.Arm or Architecture.Arm64 or Architecture.Armv6 or Architecture.Ppc64le ? 0x8000 : 0x20000;
            return writeOnly | 0x400 | noFollow | 0x80000;
        }
        if (OperatingSystem.IsMacOS())
            return writeOnly | 0x8 | 0x100 | 0x1000000;
        if (OperatingSystem.IsFreeBSD())
            return writeOnly | 0x8 | 0x100 | 0x100000;
        return null;
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);
}
