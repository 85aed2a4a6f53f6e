using System.CommandLine;
using System.Globalization;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using LabRunner.Cli.Targets;
using LabRunner.Content.Files;
using LabRunner.Sandbox;
using LabRunner.Sandbox.Sharing;
using LabRunner.Sandbox.State;

namespace LabRunner.Cli.Commands;

/// <summary>
/// <c>labrunner sandbox host</c> (hidden): the data folder's one sandbox, started by <see cref="SharedSandbox"/>. It
/// holds the folder's host lock, records its address, ignores the terminal's Ctrl-C and hang-up (it serves every
/// process on the folder, not one terminal), and stops on SIGTERM or once no process has held a lease for its idle time.
/// </summary>
public static class SandboxHostCommand
{
    /// <summary>Seconds the sandbox waits without any process using it before it stops (default 60).</summary>
    public const string IdleSecondsVariable = "LABRUNNER_SANDBOX_IDLE_SECONDS";

    private static readonly TimeSpan DefaultIdle = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    private static readonly Option<int> Port = new("--port") { DefaultValueFactory = _ => 0 };

    public static Command Build()
    {
        var host = new Command("host", "The data folder's shared sandbox (started by LabRunner itself).") { Hidden = true };
        host.Options.Add(Port);
        host.SetAction((parseResult, cancellationToken) => HostAsync(parseResult, cancellationToken));
        return host;
    }

    private static async Task<int> HostAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var dataDirectory = DataDirectory.Resolve(parseResult.GetValue(GlobalOptions.DataDir));
        var error = parseResult.InvocationConfiguration.Error;
        var folder = new SandboxFolder(dataDirectory);
        using var hostLock = folder.TryHoldAsHost();
        if (hostLock is null)
            return ExitCodes.Ok; // another sandbox serves the folder: whoever started this one finds that one
        var options = SandboxTarget.Options(dataDirectory) with
        {
            Port = parseResult.GetValue(Port),
            OnUnexpectedError = exception => ErrorLog.Write(exception, dataDirectory),
        };
        SandboxHost sandbox;
        try
        {
            sandbox = await SandboxHost.StartAsync(options, cancellationToken);
        }
        catch (Exception problem) when (problem is SandboxStateException or IOException or SocketException)
        {
            error.WriteLine(problem is SandboxStateException ? problem.Message : $"port {options.Port}: cannot listen there ({problem.Message})");
            return ExitCodes.Target;
        }
        FileLock? stopping = null;
        try
        {
            ServeRecord.Write(dataDirectory, sandbox.Uri);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var signals = IgnoreTerminalSignals(stop);
            stopping = await UntilUnusedAsync(folder, IdleTime(), stop.Token);
        }
        finally
        {
            ServeRecord.Remove(dataDirectory);
            await sandbox.DisposeAsync();
            hostLock.Dispose();
            stopping?.Dispose();
        }
        return ExitCodes.Ok;
    }

    /// <summary>
    /// Waits until no process has held a lease for <paramref name="idle"/> (then returns the start lock, held until this
    /// sandbox is gone, so nobody joins it meanwhile), the folder is deleted, or <paramref name="stop"/> (then null).
    /// </summary>
    private static async Task<FileLock?> UntilUnusedAsync(SandboxFolder folder, TimeSpan idle, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(Tick);
        var lastUsed = DateTime.UtcNow;
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                if (!Directory.Exists(folder.Root))
                    return null;
                var starting = folder.TryLockStarting();
                if (starting is null)
                    continue; // someone is joining: it will hold a lease by the next tick
                if (folder.CountLiveClients() > 0)
                    lastUsed = DateTime.UtcNow;
                else if (DateTime.UtcNow - lastUsed >= idle)
                    return starting;
                starting.Dispose();
            }
        }
        catch (OperationCanceledException)
        {
        }
        return null;
    }

    /// <summary>Ctrl-C, hang-up and quit from the terminal of whoever started it are ignored; SIGTERM stops it.</summary>
    private static IDisposable IgnoreTerminalSignals(CancellationTokenSource stop)
    {
        PosixSignalRegistration[] registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, context => context.Cancel = true),
            PosixSignalRegistration.Create(PosixSignal.SIGHUP, context => context.Cancel = true),
            PosixSignalRegistration.Create(PosixSignal.SIGQUIT, context => context.Cancel = true),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
            {
                context.Cancel = true;
                stop.Cancel();
            }),
        ];
        return new Registrations(registrations);
    }

    private sealed class Registrations(PosixSignalRegistration[] all) : IDisposable
    {
        public void Dispose()
        {
            foreach (var registration in all)
                registration.Dispose();
        }
    }

    private static TimeSpan IdleTime()
    {
        var text = Environment.GetEnvironmentVariable(IdleSecondsVariable);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
            ? TimeSpan.FromSeconds(seconds)
            : DefaultIdle;
    }
}
