using System.Diagnostics;
using LabRunner.TestSupport;

namespace LabRunner.Fronts.Tests;

/// <summary>The real <c>labrunner sandbox serve</c> as a child process, for signal and crash tests.</summary>
public sealed class SandboxProcess : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly Process process;
    private readonly Task<string> remainingOutput;

    private SandboxProcess(Process process, Uri uri, string firstLine)
    {
        this.process = process;
        Uri = uri;
        FirstLine = firstLine;
        remainingOutput = process.StandardOutput.ReadToEndAsync();
    }

    public Uri Uri { get; }
    public string FirstLine { get; }

    /// <summary>Starts the server and waits (bounded) for its <c>listening on URL</c> line.</summary>
    public static Task<SandboxProcess> StartAsync(params string[] arguments) =>
        StartAsync(new Dictionary<string, string>(), arguments);

    /// <param name="environment">Variables set for the server, on top of this process's.</param>
    public static async Task<SandboxProcess> StartAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(LabRunnerBinary.Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["sandbox", "serve", "--port", "0", .. arguments])
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        var process = Process.Start(start)!;
        string? line;
        try
        {
            line = await Eventually.CompletesAsync(process.StandardOutput.ReadLineAsync(), "labrunner sandbox serve prints the address it listens on", Patience);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        if (line is null)
            throw new InvalidOperationException($"labrunner exited: {await process.StandardError.ReadToEndAsync()}");
        const string prefix = "listening on ";
        Assert.StartsWith(prefix, line);
        return new SandboxProcess(process, new Uri(line[prefix.Length..] + "/"), line);
    }

    /// <summary>The server's command line as every user of the machine sees it (<c>/proc/PID/cmdline</c>).</summary>
    public string CommandLine => File.ReadAllText($"/proc/{process.Id}/cmdline").Replace('\0', ' ');

    public void Kill() => process.Kill(entireProcessTree: true);

    /// <summary>Sends SIGTERM and waits (bounded) for the exit; returns the exit code and what it printed after the first line.</summary>
    public async Task<(int ExitCode, string Output)> TerminateAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync();
        await Eventually.CompletesAsync(process.WaitForExitAsync(), "labrunner sandbox serve exits after SIGTERM", Patience);
        return (process.ExitCode, await remainingOutput);
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }
}
