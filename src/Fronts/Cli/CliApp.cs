using System.CommandLine;
using LabRunner.Cli.Commands;
using LabRunner.Content.Text;

namespace LabRunner.Cli;

/// <summary>The <c>labrunner</c> command tree. Each command lives in its own file under Commands/.</summary>
public static class CliApp
{
    public static RootCommand BuildRoot(CliTerminal? terminal = null)
    {
        var root = new RootCommand("LabRunner: guided, checkable cloud workshops in your terminal. Without a command it opens the lab UI (see run).");
        root.Options.Add(GlobalOptions.DataDir);
        terminal ??= CliTerminal.FromConsole();
        foreach (var command in Commands(terminal))
            root.Subcommands.Add(command);
        RunCommand.AttachTo(root, terminal);
        return root;
    }

    private static IEnumerable<Command> Commands(CliTerminal terminal) =>
    [
        LintCommand.Create(),
        LabsCommand.Create(),
        ImportCommand.Create(),
        SandboxCommand.Build(),
        CheckCommand.Create(terminal),
        DoctorCommand.Create(),
        PassCommand.Create(),
        PerformCommand.Create(terminal),
        CleanupCommand.Create(terminal),
        RunCommand.Create(terminal),
        ClassCommand.Create(terminal),
        Classroom.JoinCommand.Create(),
    ];

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null, CliTerminal? terminal = null)
    {
        var configuration = new InvocationConfiguration
        {
            EnableDefaultExceptionHandler = false,
            Output = output ?? Console.Out,
            Error = error ?? Console.Error,
        };
        ParseResult? parse = null;
        try
        {
            parse = BuildRoot(terminal).Parse(args);
            if (parse.Errors.Count > 0 && parse.Action is System.CommandLine.Invocation.ParseErrorAction)
                return ReportUsageErrors(parse, configuration.Error);
            return await parse.InvokeAsync(configuration);
        }
        catch (CliFailure failure)
        {
            foreach (var line in failure.Message.Split(Environment.NewLine))
                configuration.Error.WriteLine($"labrunner: {VisibleText.Of(line)}");
            return failure.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return ExitCodes.Interrupted;
        }
        catch (Exception exception)
        {
            var logFile = ErrorLog.Write(exception, parse?.GetValue(GlobalOptions.DataDir));
            configuration.Error.WriteLine($"labrunner: unexpected error: {VisibleText.Of(exception.Message)}");
            configuration.Error.WriteLine($"labrunner: the details are in {logFile}");
            return ExitCodes.Internal;
        }
    }

    /// <summary>
    /// Bad flags and values are usage errors (exit 2), each named, with System.CommandLine's own suggestions for a
    /// typo ("chek" → check) and where to find help.
    /// </summary>
    private static int ReportUsageErrors(ParseResult parse, TextWriter error)
    {
        var action = (System.CommandLine.Invocation.ParseErrorAction)parse.Action!;
        action.ShowHelp = false;
        action.ShowTypoCorrections = true;
        using var captured = new StringWriter();
        parse.Invoke(new InvocationConfiguration { Output = captured, Error = captured, EnableDefaultExceptionHandler = false });
        foreach (var line in captured.ToString().Split('\n').Select(line => line.TrimEnd()).Where(line => line.Length > 0))
            error.WriteLine($"labrunner: {VisibleText.Of(line.Trim())}");
        var command = parse.CommandResult.Command is RootCommand ? "labrunner" : $"labrunner {parse.CommandResult.Command.Name}";
        error.WriteLine($"labrunner: see '{command} --help'");
        return ExitCodes.Usage;
    }
}
