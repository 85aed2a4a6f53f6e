using LabRunner.Content.Files;

namespace LabRunner.Sandbox.Sharing;

/// <summary>
/// The <c>sandbox</c> folder of a data folder, where every LabRunner process using that data folder meets to share one
/// sandbox. Three kinds of lock, all released by the operating system whatever way their holder ends (kill -9 too):
/// <list type="bullet">
/// <item>the host lock, held by the one sandbox process for as long as it serves the folder;</item>
/// <item>a lease in <c>clients/</c> per process using that sandbox, held while it uses it;</item>
/// <item>the start lock, held for a moment to start the sandbox or join it, and by the sandbox to decide to stop: so a
/// process never joins a sandbox that is deciding to stop, and two processes starting at once start one sandbox.</item>
/// </list>
/// </summary>
public sealed class SandboxFolder(string dataDirectory)
{
    public string Root { get; } = Path.Combine(Path.GetFullPath(dataDirectory), "sandbox");

    public string StatePath => Path.Combine(Root, "state.json");

    private string StartLockPath => Path.Combine(Root, "start.lock");

    private string HostLockPath => Path.Combine(Root, "host.lock");

    private string ClientsPath => Path.Combine(Root, "clients");

    /// <summary>Waits for the start lock (see the class summary).</summary>
    /// <exception cref="IOException">Another process held it too long, or it cannot be made.</exception>
    public FileLock LockStarting() => FileLock.Acquire(StartLockPath);

    /// <summary>The start lock if nobody holds it now; null otherwise.</summary>
    public FileLock? TryLockStarting() => FileLock.TryAcquire(StartLockPath);

    /// <summary>The host lock, making the caller the folder's sandbox; null when another process already is.</summary>
    public FileLock? TryHoldAsHost() => FileLock.TryAcquire(HostLockPath);

    /// <summary>Whether a sandbox process serves the folder now. Call it holding the start lock: the probe takes the host lock for an instant.</summary>
    public bool HostIsRunning()
    {
        if (!Directory.Exists(Root))
            return false;
        using var probe = TryHoldAsHost();
        return probe is null;
    }

    /// <summary>Registers this process as a user of the folder's sandbox until the lease is disposed (or the process ends). Take it holding the start lock.</summary>
    public ClientLease Lease()
    {
        Directory.CreateDirectory(ClientsPath);
        var path = Path.Combine(ClientsPath, $"{Environment.ProcessId}-{Guid.NewGuid():N}");
        return new ClientLease(Open(path, FileMode.CreateNew, FileOptions.DeleteOnClose));
    }

    /// <summary>How many processes hold a lease now; the leases of processes that ended are removed. Call it holding the start lock.</summary>
    public int CountLiveClients()
    {
        if (!Directory.Exists(ClientsPath))
            return 0;
        var live = 0;
        foreach (var lease in Directory.EnumerateFiles(ClientsPath))
        {
            try
            {
                // Openable exclusively: its holder is gone.
                using var abandoned = Open(lease, FileMode.Open, FileOptions.None);
                File.Delete(lease);
            }
            catch (FileNotFoundException)
            {
            }
            catch (IOException held) when (held.GetType() == typeof(IOException))
            {
                live++;
            }
        }
        return live;
    }

    private static FileStream Open(string path, FileMode mode, FileOptions options)
    {
        var streamOptions = new FileStreamOptions { Mode = mode, Access = FileAccess.ReadWrite, Share = FileShare.None, Options = options, BufferSize = 0 };
        if (!OperatingSystem.IsWindows() && mode == FileMode.CreateNew)
            streamOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        return new FileStream(path, streamOptions);
    }
}

/// <summary>A process's registration as a user of its data folder's sandbox; disposing it (or ending) gives it up.</summary>
public sealed class ClientLease(FileStream held) : IDisposable
{
    public void Dispose() => held.Dispose();
}
