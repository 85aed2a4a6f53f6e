using System.Diagnostics;
using LabRunner.TestSupport.Terminals;

namespace LabRunner.Benchmarks;

/// <summary>
/// Times a key from the moment it is sent until the program has written the whole frame it causes, read from the
/// pane's own output (tmux pipe-pane) as the program writes it, before any terminal draws it. Unlike polling the
/// screen with capture-pane, this adds no sampling delay of its own: what it measures is LabRunner plus one
/// send-keys.
/// </summary>
public sealed class FrameTimer : IDisposable
{
    /// <summary>A frame is written in a few bursts; this much silence means it is complete.</summary>
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(15);

    private readonly TmuxSession tmux;
    private readonly string file = Path.Combine(Path.GetTempPath(), $"labrunner-frames-{Guid.NewGuid():N}.out");
    private readonly FileStream output;

    public FrameTimer(TmuxSession tmux)
    {
        this.tmux = tmux;
        File.WriteAllBytes(file, []);
        tmux.CopyOutputTo(file);
        output = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
    }

    /// <summary>Milliseconds from sending <paramref name="key"/> to the last byte of the frame it caused.</summary>
    public double Press(string key, TimeSpan patience)
    {
        Drain();
        var buffer = new byte[64 * 1024];
        var clock = Stopwatch.StartNew();
        tmux.SendKeys(key);
        TimeSpan? lastByte = null;
        while (true)
        {
            var read = output.Read(buffer);
            var now = clock.Elapsed;
            if (read > 0 && DrawsSomething(buffer.AsSpan(0, read)))
                lastByte = now;
            else if (lastByte is { } last && now - last > Quiet)
                return last.TotalMilliseconds;
            else if (now > patience)
                throw new TimeoutException($"no output within {patience.TotalSeconds:0} s of pressing {key}");
            else
                Thread.Sleep(1);
        }
    }

    /// <summary>Skips what was written before (a poll's redraw), waiting for a moment of silence first.</summary>
    private void Drain()
    {
        var buffer = new byte[64 * 1024];
        var quietSince = Stopwatch.StartNew();
        while (quietSince.Elapsed < Quiet)
        {
            var read = output.Read(buffer);
            if (read > 0 && DrawsSomething(buffer.AsSpan(0, read)))
                quietSince.Restart();
            else
                Thread.Sleep(1);
        }
    }

    /// <summary>
    /// Terminal.Gui 2.5 hides the cursor and homes it on every main-loop iteration (about 200 a second) whether or not
    /// anything changed; output that is only that is not a frame.
    /// </summary>
    private static bool DrawsSomething(ReadOnlySpan<byte> written)
    {
        ReadOnlySpan<byte> idle = "\u001b[?25l\u001b[1;1H"u8;
        while (written.StartsWith(idle))
            written = written[idle.Length..];
        return !written.IsEmpty;
    }

    public void Dispose()
    {
        output.Dispose();
        File.Delete(file);
    }
}
