using System.Text.RegularExpressions;
using LabRunner.TestSupport;
using LabRunner.TestSupport.Terminals;

namespace LabRunner.Fronts.Tests;

/// <summary>Learners added through the real <c>sandbox add-learners</c>, the join line it prints for each, and a joined learner's TUI.</summary>
internal static partial class JoinLines
{
    /// <summary>Adds <paramref name="names"/> as the instructor at <paramref name="instructorHome"/>; each learner's address and code.</summary>
    public static async Task<Dictionary<string, string[]>> AddLearnersAsync(string workingDirectory, string instructorHome, params string[] names)
    {
        var added = await LabRunnerBinary.RunAsync(workingDirectory, instructorHome, ["sandbox", "add-learners", .. names]);
        Assert.True(added.ExitCode == 0, added.ToString());
        return Parse(added.StandardOutput);
    }

    /// <summary>Each learner's address and code in the join lines <paramref name="output"/> holds.</summary>
    public static Dictionary<string, string[]> Parse(string output) =>
        JoinLine().Matches(output).ToDictionary(match => match.Groups["name"].Value, match => new[] { match.Groups["address"].Value, match.Groups["code"].Value });

    /// <summary>The joined learner at <paramref name="home"/> opens the lab in the real TUI (tmux, 80×24); the pane says "EXITED N" at the end.</summary>
    public static TmuxSession OpenLabInTmux(string home, string workingDirectory)
    {
        var environment = string.Join(' ', LabRunnerBinary.IsolatedEnvironment(home).Select(variable => $"{variable.Key}={TmuxSession.Quote(variable.Value)}"));
        return TmuxSession.Start($"env -u DisableRealDriverIO {environment} {TmuxSession.Quote(LabRunnerBinary.Path)} run aurora-backup; echo EXITED $?; sleep 60", 80, 24, workingDirectory);
    }

    [GeneratedRegex(@"^(?<name>\S+)\s+labrunner join (?<address>http://\S+) (?<code>[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})$", RegexOptions.Multiline)]
    private static partial Regex JoinLine();
}
