using System.Diagnostics;
using System.Globalization;
using LabRunner.Cli.Commands;
using LabRunner.Sandbox.Sharing;

namespace LabRunner.Cli.Targets;

/// <summary>
/// This process's use of its data folder's one sandbox. The first process to need it starts it as a detached
/// <c>labrunner sandbox host</c> process (see <see cref="SandboxHostCommand"/>); the others join it through the address
/// recorded in the folder. Each holds a lease while it uses it; the sandbox stops once no lease has been held for a
/// while, so it outlives whoever started it for as long as anyone uses it.
/// </summary>
public sealed class SharedSandbox : IDisposable
{
    /// <summary>How long starting the sandbox process, or waiting for one that is starting, may take.</summary>
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan StopPatience = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(25);

    private readonly SandboxFolder folder;
    private readonly HostStart start;
    private ClientLease? lease;

    private SharedSandbox(HostStart start, ClientLease lease, ServeRecord.Entry record, bool startedHere)
    {
        folder = new SandboxFolder(start.DataDirectory);
        this.start = start;
        this.lease = lease;
        Uri = record.Address;
        ProcessId = record.ProcessId;
        StartedHere = startedHere;
    }

    public Uri Uri { get; }

    /// <summary>The sandbox process's id.</summary>
    public int ProcessId { get; }

    /// <summary>Whether this process started the sandbox, rather than joining one that ran already.</summary>
    public bool StartedHere { get; }

    /// <summary>
    /// The labrunner executable that can start the sandbox process: this process's own, when this process is labrunner
    /// (null when LabRunner runs inside another program, which then runs a sandbox of its own on the shared state).
    /// </summary>
    public static string? Executable =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "labrunner" ? path : null;

    /// <summary>Joins the folder's sandbox, starting it (on <paramref name="port"/>, 0 for a free one) if none runs.</summary>
    /// <param name="hostEnvironment">Variables for the sandbox process, if this process starts it.</param>
    /// <exception cref="CliFailure">The sandbox process could not be started (exit 3).</exception>
    public static async Task<SharedSandbox> JoinAsync(string executable, string dataDirectory, int port, IReadOnlyDictionary<string, string> hostEnvironment, CancellationToken cancellationToken)
    {
        var start = new HostStart(executable, dataDirectory, hostEnvironment);
        var folder = new SandboxFolder(dataDirectory);
        DataDirectory.CreatePrivate(folder.Root);
        using var starting = folder.LockStarting();
        var lease = folder.Lease();
        try
        {
            if (folder.HostIsRunning())
                return new SharedSandbox(start, lease, await RecordOfAsync(dataDirectory, null, cancellationToken), startedHere: false);
            using var host = StartHost(start, port);
            return new SharedSandbox(start, lease, await RecordOfAsync(dataDirectory, host, cancellationToken), startedHere: true);
        }
        catch
        {
            lease.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Gives up this process's lease and, when no other process uses the sandbox, stops it now rather than after its
    /// idle time. Returns how many other processes still use it (0 when it was stopped).
    /// </summary>
    public async Task<int> StopUnlessUsedAsync()
    {
        using var starting = folder.LockStarting();
        Dispose();
        var others = folder.CountLiveClients();
        if (others > 0)
            return others;
        Terminate(ProcessId);
        using var patience = new CancellationTokenSource(StopPatience);
        while (folder.HostIsRunning() && !patience.IsCancellationRequested)
            await Task.Delay(PollInterval, CancellationToken.None);
        return 0;
    }

    /// <summary>
    /// Starts the sandbox again on the same address when its process is gone (killed): the state it saved before
    /// answering is all there, and this process's requests go on. Nothing happens when it runs.
    /// </summary>
    /// <exception cref="CliFailure">It could not be started again (its port was taken meanwhile, say).</exception>
    public async Task ReviveAsync(CancellationToken cancellationToken)
    {
        using var starting = folder.LockStarting();
        if (folder.HostIsRunning())
            return;
        using var host = StartHost(start, Uri.Port);
        await RecordOfAsync(start.DataDirectory, host, cancellationToken);
    }

    /// <summary>A handler for this process's RDS client that revives the sandbox when its connection is refused; the client's own retry then goes through.</summary>
    public DelegatingHandler Reviver(HttpMessageHandler inner) => new Reviving(this) { InnerHandler = inner };

    public void Dispose()
    {
        lease?.Dispose();
        lease = null;
    }

    /// <summary>How this process starts the sandbox process, should it have to.</summary>
    private sealed record HostStart(string Executable, string DataDirectory, IReadOnlyDictionary<string, string> Environment);

    private sealed class Reviving(SharedSandbox sandbox) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException refused) when (refused.InnerException is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.ConnectionRefused })
            {
                try
                {
                    await sandbox.ReviveAsync(cancellationToken);
                }
                catch (CliFailure)
                {
                    // The refusal stands: the client reports the target unreachable.
                }
                throw;
            }
        }
    }

    private static Process StartHost(HostStart host, int port)
    {
        var (executable, dataDirectory, environment) = host;
        var start = new ProcessStartInfo(executable)
        {
            // Its own pipes, closed once it is up: it never holds this process's output open, nor writes to a terminal.
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["--data-dir", dataDirectory, "sandbox", "host", "--port", port.ToString(CultureInfo.InvariantCulture)])
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        try
        {
            return Process.Start(start) ?? throw CliFailure.Target($"the sandbox process ({executable}) did not start");
        }
        catch (Exception problem) when (problem is System.ComponentModel.Win32Exception or IOException)
        {
            throw CliFailure.Target($"the sandbox process ({executable}) cannot be started: {problem.Message}");
        }
    }

    /// <summary>Waits for the record of the sandbox that is starting: <paramref name="host"/>'s, when this process started it.</summary>
    private static async Task<ServeRecord.Entry> RecordOfAsync(string dataDirectory, Process? host, CancellationToken cancellationToken)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(StartPatience);
        try
        {
            while (true)
            {
                // Another's sandbox: a record whose process is gone is a killed one's, not yet replaced by the one starting.
                if (ServeRecord.ReadIn(dataDirectory) is { } record && (host is null ? IsAlive(record.ProcessId) : record.ProcessId == host.Id))
                    return record;
                if (host is { HasExited: true })
                    throw CliFailure.Target($"the sandbox did not start: {Content.Text.VisibleText.Of((await host.StandardError.ReadToEndAsync(patience.Token)).Trim())}");
                await Task.Delay(PollInterval, patience.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw CliFailure.Target($"the sandbox did not start within {StartPatience.TotalSeconds:0} s; see {Path.Combine(dataDirectory, "logs", ErrorLog.FileName)}");
        }
        finally
        {
            host?.StandardInput.Close();
            host?.StandardOutput.Close();
            host?.StandardError.Close();
        }
    }

    private static bool IsAlive(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (Exception problem) when (problem is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>SIGTERM on Unix, so the sandbox stops as it does when idle; Windows has no such signal, and every change is on disk already.</summary>
    private static void Terminate(int processId)
    {
        try
        {
            if (OperatingSystem.IsWindows())
            {
                using var process = Process.GetProcessById(processId);
                process.Kill();
                return;
            }
            using var kill = Process.Start("kill", ["-TERM", processId.ToString(CultureInfo.InvariantCulture)]);
            kill.WaitForExit();
        }
        catch (Exception problem) when (problem is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
        }
    }
}
