using System.Text;
using LabRunner.Engine.Targets;
using LabRunner.Tui.Theme;
using LabRunner.Tui.Widgets;
using Terminal.Gui.App;

namespace LabRunner.Tui.Screens.Main;

/// <summary>Asks before LabRunner changes anything: what it will do, where, and the exact equivalent AWS CLI command.</summary>
public static class PerformDialog
{
    public const string PerformButton = "_Perform";
    public const string CancelButton = "_Cancel";

    /// <summary>True when the learner chose to perform.</summary>
    /// <param name="costWarning">What it costs, said first when set (actions that create billed resources, off the sandbox).</param>
    public static bool Confirm(IApplication app, string stepTitle, string summary, string cliCommand, TargetInfo target, string? costWarning = null) =>
        TextDialog.Show(app, $"Perform: {stepTitle}", Message(summary, cliCommand, target, costWarning), CancelButton, PerformButton) == 1;

    public static string Message(string summary, string cliCommand, TargetInfo target, string? costWarning = null)
    {
        var cost = costWarning is null ? "" : $"COST: {costWarning}\n\n";
        return $"{cost}LabRunner will {summary}\n{TargetWords.Where(target)}.\n\nThe same as running:\n\n{ShellLines(cliCommand)}";
    }

    /// <summary>The command with each option on its own line, ending in backslashes, as one pastes it into a shell.</summary>
    public static string ShellLines(string command)
    {
        var words = Words(command);
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in words)
        {
            if (word == "&&")
            {
                // The next command starts a line of its own.
                lines.Add(line.Append(" &&").ToString());
                line.Clear();
                continue;
            }
            if (word.StartsWith("--", StringComparison.Ordinal) && line.Length > 0)
            {
                lines.Add(line.ToString());
                line.Clear().Append("    ");
            }
            else if (line.Length > 0 && line[^1] != ' ')
            {
                line.Append(' ');
            }
            line.Append(word);
        }
        lines.Add(line.ToString());
        return string.Join(" \\\n", lines.Select(text => "  " + text));
    }

    /// <summary>Splits at spaces outside single quotes, keeping the quotes (the engine quotes the POSIX way).</summary>
    private static List<string> Words(string command)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var quoted = false;
        foreach (var character in command)
        {
            if (character == '\'')
                quoted = !quoted;
            if (character == ' ' && !quoted)
            {
                if (word.Length > 0)
                    words.Add(word.ToString());
                word.Clear();
                continue;
            }
            word.Append(character);
        }
        if (word.Length > 0)
            words.Add(word.ToString());
        return words;
    }
}
