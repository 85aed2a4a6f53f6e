using System.CommandLine;
using LabRunner.Cli.Commands;

namespace LabRunner.Cli;

/// <summary>The <c>labrunner</c> command tree. Each command lives in its own file under Commands/.</summary>
public static class CliApp
{
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("LabRunner: guided, checkable cloud workshops in your terminal.");
        root.Options.Add(GlobalOptions.DataDir);
        foreach (var command in Commands())
            root.Subcommands.Add(command);
        return root;
    }

    private static IEnumerable<Command> Commands() =>
    [
        LintCommand.Create(),
        SandboxCommand.Build(),
    ];

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        var configuration = new InvocationConfiguration
        {
            EnableDefaultExceptionHandler = false,
            Output = output ?? Console.Out,
            Error = error ?? Console.Error,
        };
        try
        {
            var parseResult = BuildRoot().Parse(args);
            var exitCode = await parseResult.InvokeAsync(configuration);
            return parseResult.Errors.Count > 0 ? ExitCodes.Usage : exitCode;
        }
        catch (OperationCanceledException)
        {
            return ExitCodes.Interrupted;
        }
        catch (Exception exception)
        {
            var logFile = ErrorLog.Write(exception);
            configuration.Error.WriteLine($"labrunner: unexpected error: {exception.Message}");
            configuration.Error.WriteLine($"labrunner: the details are in {logFile}");
            return ExitCodes.Internal;
        }
    }
}
