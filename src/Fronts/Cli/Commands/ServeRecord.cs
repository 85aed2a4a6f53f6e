using System.Globalization;
using System.Net.Sockets;
using System.Text;
using LabRunner.Content.Files;

namespace LabRunner.Cli.Commands;

/// <summary>
/// Where a running <c>labrunner sandbox serve</c> listens, written in its data folder (<c>sandbox/serving</c>: the
/// address, then the process id) while it runs, so <c>labrunner sandbox env</c> can point other terminals at it.
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

    /// <summary>The address of the serve recorded in the folder, if that process still runs and something answers there.</summary>
    public static async Task<Uri?> FindLiveAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        if (Read(PathIn(dataDirectory)) is not { } record || !IsRunning(record.ProcessId))
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

    private sealed record Entry(Uri Address, int ProcessId);

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

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (Exception problem) when (problem is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
