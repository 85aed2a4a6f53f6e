using System.Collections.Concurrent;
using System.Diagnostics;
using LabRunner.TestSupport.Peers;
using Xunit;

namespace LabRunner.TestSupport.Moto;

/// <summary>
/// moto's server mode (<c>python3 -m moto.server</c>) on a free loopback port, for one test run: started and awaited
/// until it answers, reset between tests with <c>POST /moto-api/reset</c>, killed on dispose.
/// Use it as an xunit collection fixture so it starts once per run.
/// </summary>
public sealed class MotoServer : IAsyncLifetime
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(60);
    private const int StartAttempts = 3;

    private readonly ConcurrentQueue<string> output = new();
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private Process? process;

    public Uri Endpoint { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Without moto every test of the collection is skipped (see PeerFactAttribute): nothing to start.
        if (PeerAvailability.MissingReason(RealPeer.Moto) is not null)
            return;
        // The free port can be taken between our probe and moto's bind; a fresh port fixes that.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await StartOnceAsync(FreePort.Next());
                return;
            }
            catch (InvalidOperationException) when (attempt < StartAttempts)
            {
                await StopAsync();
            }
        }
    }

    /// <summary>Forgets every resource moto holds.</summary>
    public async Task ResetAsync(CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsync(new Uri(Endpoint, "moto-api/reset"), null, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        http.Dispose();
    }

    private async Task StartOnceAsync(int port)
    {
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo("python3", ["-m", "moto.server", "-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start.");
        process.OutputDataReceived += (_, e) => Remember(e.Data);
        process.ErrorDataReceived += (_, e) => Remember(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var deadline = new CancellationTokenSource(StartupTimeout);
        while (!await AnswersAsync(deadline.Token))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"moto exited with code {process.ExitCode} before answering:\n{string.Join('\n', output)}");
            }

            if (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"moto did not answer on {Endpoint} within {StartupTimeout}:\n{string.Join('\n', output)}");
            }

            await Task.Delay(100);
        }
    }

    private async Task<bool> AnswersAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(Endpoint, "moto-api/"), cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    // Keeps the last lines for a startup failure message; moto logs every request, so the rest is dropped.
    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        while (output.Count > 50)
        {
            output.TryDequeue(out _);
        }
    }

    private async Task StopAsync()
    {
        if (process is null)
        {
            return;
        }

        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        process = null;
    }
}
