using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace LabRunner.Content.Files;

/// <summary>
/// An exclusive lock shared by every LabRunner process on the machine: a lock file held open with
/// <see cref="FileShare.None"/> (an exclusive <c>flock</c> on Unix). The operating system releases it when the holder
/// closes it or ends in any way, kill -9 included, so a dead process never leaves it taken. Held only for the few
/// milliseconds of a read-modify-write; the lock file itself stays, empty, beside what it guards.
/// </summary>
public sealed class FileLock : IDisposable
{
    /// <summary>How long to wait for another process to let go before giving up with a message.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static readonly ResiliencePipeline Waiting = new ResiliencePipelineBuilder()
        .AddTimeout(Patience)
        .AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = int.MaxValue,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(1),
            MaxDelay = TimeSpan.FromMilliseconds(25),
            ShouldHandle = args => ValueTask.FromResult(IsHeldElsewhere(args.Outcome.Exception)),
        })
        .Build();

    private readonly FileStream handle;

    private FileLock(FileStream handle) => this.handle = handle;

    /// <summary>Waits (on the real clock, whatever clock the caller simulates) until the lock at <paramref name="lockPath"/> is this process's.</summary>
    /// <exception cref="IOException">Another process held it for longer than <see cref="Patience"/>, or the lock file cannot be made.</exception>
    public static FileLock Acquire(string lockPath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(lockPath))!);
        try
        {
            return new FileLock(Waiting.Execute(() => Open(lockPath)));
        }
        catch (TimeoutRejectedException)
        {
            throw new IOException($"{lockPath} stayed locked by another LabRunner process for more than {Patience.TotalSeconds:0} s; is one of them stuck?");
        }
    }

    /// <summary>The lock at <paramref name="lockPath"/> if no other holder has it right now; null when one has (no waiting).</summary>
    /// <exception cref="IOException">The lock file cannot be made.</exception>
    public static FileLock? TryAcquire(string lockPath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(lockPath))!);
        try
        {
            return new FileLock(Open(lockPath));
        }
        catch (IOException held) when (IsHeldElsewhere(held))
        {
            return null;
        }
    }

    private static FileStream Open(string lockPath)
    {
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None, BufferSize = 0 };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        return new FileStream(lockPath, options);
    }

    /// <summary>A sharing violation is a plain <see cref="IOException"/>; its subclasses (file or folder not found, path too long) are not worth waiting for.</summary>
    private static bool IsHeldElsewhere(Exception? failure) => failure?.GetType() == typeof(IOException);

    public void Dispose() => handle.Dispose();
}
