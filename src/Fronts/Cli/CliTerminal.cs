namespace LabRunner.Cli;

/// <summary>The console as commands see it: where answers come from, and whether a person is there to give them.</summary>
/// <param name="Color">Colour output: on a terminal, unless NO_COLOR is set (https://no-color.org).</param>
/// <param name="OutputIsTerminal">Standard output is a terminal, so a full-screen UI can run there.</param>
public sealed record CliTerminal(TextReader Input, bool InputIsTerminal, bool Color, bool OutputIsTerminal = false)
{
    public static CliTerminal FromConsole() => new(
        Console.In,
        !Console.IsInputRedirected,
        !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")),
        !Console.IsOutputRedirected);

    /// <summary>
    /// Asks a yes/no question unless <paramref name="alreadyConfirmed"/> (<c>--yes</c>). With no person at the terminal
    /// and no --yes it refuses rather than guess.
    /// </summary>
    public bool Confirm(string question, bool alreadyConfirmed, TextWriter output)
    {
        if (alreadyConfirmed)
            return true;
        if (!InputIsTerminal)
            throw CliFailure.Usage("standard input is not a terminal, so nobody can confirm; add --yes to go ahead without asking");
        output.Write($"{question} [y/N] ");
        output.Flush();
        var answer = Input.ReadLine()?.Trim();
        return answer is not null && (answer.Equals("y", StringComparison.OrdinalIgnoreCase) || answer.Equals("yes", StringComparison.OrdinalIgnoreCase));
    }
}
