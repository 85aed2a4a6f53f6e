using System.Globalization;
using System.Net.Sockets;
using System.Text;
using LabRunner.Content.Files;
using LabRunner.Sandbox.Sharing;

namespace LabRunner.Cli.Commands;

/// <summary>
/// Where the data folder's sandbox listens, written in the folder (<c>sandbox/serving</c>: the address, then the
/// sandbox process's id) while it runs, so every LabRunner process on the folder, and <c>labrunner sandbox env</c>, find
/// it. The record alone proves nothing (its writer may have been killed): the sandbox's host lock says whether it runs.
/// </summary>
public static class ServeRecord
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    public static string PathIn(string dataDirectory) => Path.Combine(dataDirectory, "sandbox", "serving");

    public static void Write(string dataDirectory, Uri address) =>
        AtomicFile.Replace(PathIn(dataDirectory), stream =>
            stream.Write(Encoding.UTF8.GetBytes($"{address.GetLeftPart(UriPartial.Authority)}\n{Environment.ProcessId}\n")));

    /// <summary>Removes the record if it is still this process's (a later serve may have replaced it).</summary>
    public static void Remove(string dataDirectory)
    {
        var path = PathIn(dataDirectory);
        if (Read(path) is { ProcessId: var id } && id == Environment.ProcessId)
            File.Delete(path);
    }

    /// <summary>The address of the sandbox recorded in the folder, if it still serves the folder and something answers there.</summary>
    public static async Task<Uri?> FindLiveAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        if (Read(PathIn(dataDirectory)) is not { } record || !IsServing(new SandboxFolder(dataDirectory)))
            return null;
        using var client = new TcpClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            await client.ConnectAsync(record.Address.Host, record.Address.Port, timeout.Token);
            return record.Address;
        }
        catch (Exception problem) when (problem is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    public sealed record Entry(Uri Address, int ProcessId);

    /// <summary>The record in <paramref name="dataDirectory"/>, if there is a well-formed one (whether its sandbox still runs or not).</summary>
    public static Entry? ReadIn(string dataDirectory) => Read(PathIn(dataDirectory));

    /// <summary>The record, when it is exactly what <see cref="Write"/> writes: a loopback http address and a number.</summary>
    private static Entry? Read(string path)
    {
        string[] lines;
        try
        {
            if (!File.Exists(path) || new FileInfo(path).Length > 256)
                return null;
            lines = File.ReadAllText(path).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        return lines.Length == 2
            && Uri.TryCreate(lines[0], UriKind.Absolute, out var address) && address.Scheme == Uri.UriSchemeHttp && address.IsLoopback
            && address.AbsolutePath == "/" && int.TryParse(lines[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? new Entry(address, id)
            : null;
    }

    private static bool IsServing(SandboxFolder folder)
    {
        try
        {
            using var starting = folder.LockStarting();
            return folder.HostIsRunning();
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
