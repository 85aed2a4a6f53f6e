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
    public IReadOnlyList<(string Id, string Status, string Detail, int? Percent)> Steps() => StepsWhere(_ => true);

    /// <summary>The required steps of a <c>check --format json</c> run (those not marked optional), as <see cref="Steps"/>.</summary>
    public IReadOnlyList<(string Id, string Status, string Detail, int? Percent)> RequiredSteps() =>
        StepsWhere(step => !step.TryGetProperty("optional", out var optional) || !optional.GetBoolean());

    private IReadOnlyList<(string Id, string Status, string Detail, int? Percent)> StepsWhere(Func<JsonElement, bool> wanted)
    {
        using var json = JsonDocument.Parse(Output);
        return json.RootElement.GetProperty("steps").EnumerateArray()
            .Where(wanted)
            .Select(step => (
                step.GetProperty("id").GetString()!,
                step.GetProperty("status").GetString()!,
                step.GetProperty("detail").GetString()!,
                step.TryGetProperty("percent", out var percent) ? percent.GetInt32() : (int?)null))
            .ToList();
    }

    /// <summary>Every line printed, to standard output then standard error.</summary>
    public IEnumerable<string> Lines => (Output + Error).Split('\n');

    /// <summary>
    /// Each character printed that a terminal would act on or that reorders or hides text (C0 but the writers' own line
    /// feeds, DEL, C1, bidi controls, line and paragraph separators, a lone surrogate), with what precedes it.
    /// </summary>
    public IReadOnlyList<string> RawCharacters()
    {
        var text = Output + Error;
        var raw = new List<string>();
        for (var index = 0; index < text.Length; index++)
        {
            var c = text[index];
            if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            {
                index++;
                continue;
            }
            var acts = c is < ' ' and not '\n' or (>= '\u007f' and <= '\u009f');
            var reorders = c is '\u061c' or '\u200e' or '\u200f' or (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069');
            if (acts || reorders || c is '\u2028' or '\u2029' || char.IsSurrogate(c))
                raw.Add($"U+{(int)c:X4} after …{text[Math.Max(0, index - 40)..index]}");
        }
        return raw;
    }
}
