using System.Text.Json;
using LabRunner.Cli;

namespace LabRunner.Fronts.Tests.Check;

/// <summary>One <c>labrunner</c> invocation in-process, with what it printed.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    /// <summary>A person who would answer a confirmation prompt with <paramref name="answer"/>; null means nobody at the terminal.</summary>
    public static async Task<CliRun> RunAsync(IEnumerable<string> args, string? answer = null)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var terminal = new CliTerminal(new StringReader(answer ?? ""), InputIsTerminal: answer is not null, Color: false);
        var exit = await CliApp.RunAsync(args.ToArray(), output, error, terminal);
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    /// <summary>The steps of a <c>check --format json</c> run: id, status, detail and percent (null when absent).</summary>
    public IReadOnlyList<(string Id, string Status, string Detail, int? Percent)> Steps()
    {
        using var json = JsonDocument.Parse(Output);
        return json.RootElement.GetProperty("steps").EnumerateArray()
            .Select(step => (
                step.GetProperty("id").GetString()!,
                step.GetProperty("status").GetString()!,
                step.GetProperty("detail").GetString()!,
                step.TryGetProperty("percent", out var percent) ? percent.GetInt32() : (int?)null))
            .ToList();
    }
}
