using System.CommandLine;
using LabRunner.Engine.Targets;

namespace LabRunner.Cli.Commands;

/// <summary>
/// <c>labrunner sandbox env</c>: the shell commands that point the AWS CLI and SDKs of another terminal at the
/// <c>sandbox serve</c> running on this data folder (<c>eval "$(labrunner sandbox env)"</c>).
/// </summary>
public static class SandboxEnvCommand
{
    private static readonly Option<string> Shell = new("--shell")
    {
        Description = "The syntax to print: posix (sh, bash, zsh; the default) or powershell.",
        DefaultValueFactory = _ => "posix",
    };

    public static Command Build()
    {
        Shell.AcceptOnlyFromAmong("posix", "powershell");
        var env = new Command("env", "Print the settings that point the AWS CLI at the running 'sandbox serve': eval \"$(labrunner sandbox env)\".") { Shell };
        env.SetAction((parseResult, cancellationToken) => PrintAsync(parseResult, cancellationToken));
        return env;
    }

    private static async Task<int> PrintAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var dataDirectory = DataDirectory.Resolve(parseResult.GetValue(GlobalOptions.DataDir));
        if (await ServeRecord.FindLiveAsync(dataDirectory, cancellationToken) is not { } address)
            throw CliFailure.Target(
                $"no sandbox is serving the data folder {dataDirectory}. Start one in another terminal with 'labrunner sandbox serve' "
                + "(with the same --data-dir, if you gave one), then run eval \"$(labrunner sandbox env)\" here. "
                + "In the lab's screen, s opens a shell already set up for the sandbox the lab uses.");
        var variables = AwsCliEnvironment.ForSandbox(address);
        var output = parseResult.InvocationConfiguration.Output;
        output.Write(parseResult.GetValue(Shell) == "powershell" ? PowerShell(address, variables) : Posix(address, variables));
        return ExitCodes.Ok;
    }

    public static string Posix(Uri address, IReadOnlyList<KeyValuePair<string, string?>> variables) =>
        $"# LabRunner sandbox at {address.GetLeftPart(UriPartial.Authority)}: aws rds ... now talks to it\n"
        + string.Concat(variables.Select(variable => variable.Value is { } value
            ? $"export {variable.Key}='{value.Replace("'", "'\\''")}'\n"
            : $"unset {variable.Key}\n"));

    public static string PowerShell(Uri address, IReadOnlyList<KeyValuePair<string, string?>> variables) =>
        $"# LabRunner sandbox at {address.GetLeftPart(UriPartial.Authority)}: aws rds ... now talks to it\n"
        + string.Concat(variables.Select(variable => variable.Value is { } value
            ? $"$env:{variable.Key} = '{value.Replace("'", "''")}'\n"
            : $"Remove-Item Env:{variable.Key} -ErrorAction SilentlyContinue\n"));
}
