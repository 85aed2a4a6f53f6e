using LabRunner.Engine.Steps;

namespace LabRunner.Tui.Screens.Main;

/// <summary>The words the lab screen uses for statuses and durations.</summary>
public static class StepText
{
    /// <summary>"Passed", "Not yet", "In progress 45 %"…</summary>
    public static string Status(StepResult result) => result.Status switch
    {
        StepStatus.Passed => "Passed",
        StepStatus.Failed => result.Settled ? "Failed" : "Not yet",
        StepStatus.InProgress => "In progress",
        StepStatus.Error => "Could not check",
        StepStatus.Manual => "Yours to do",
        StepStatus.Acknowledged => "Done",
        _ => "Not checked yet",
    };

    /// <summary>"0:07", "12:30", "1:02:03".</summary>
    public static string Elapsed(TimeSpan span) =>
        span.TotalHours >= 1 ? $"{(int)span.TotalHours}:{span.Minutes:00}:{span.Seconds:00}" : $"{(int)span.TotalMinutes}:{span.Seconds:00}";

    /// <summary>"45 s", "4 min 10 s", "12 min", "1 h 5 min": seconds only while under ten minutes, where they still matter.</summary>
    public static string Duration(TimeSpan span) => span.TotalMinutes < 1
        ? $"{Math.Max((int)span.TotalSeconds, 0)} s"
        : span.TotalMinutes < 10
            ? span.Seconds == 0 ? $"{(int)span.TotalMinutes} min" : $"{(int)span.TotalMinutes} min {span.Seconds} s"
            : span.TotalHours < 1 ? $"{(int)span.TotalMinutes} min" : $"{(int)span.TotalHours} h {span.Minutes} min";

    /// <summary>Text cut into lines of at most <paramref name="width"/> columns at spaces (a word longer than a line is cut).</summary>
    public static IReadOnlyList<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        if (width <= 0)
            return lines;
        var line = new System.Text.StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var rest = word;
            while (rest.Length > 0)
            {
                var needed = line.Length == 0 ? rest.Length : line.Length + 1 + rest.Length;
                if (needed <= width)
                {
                    if (line.Length > 0)
                        line.Append(' ');
                    line.Append(rest);
                    rest = "";
                }
                else if (line.Length > 0)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                }
                else
                {
                    lines.Add(rest[..width]);
                    rest = rest[width..];
                }
            }
        }
        if (line.Length > 0)
            lines.Add(line.ToString());
        return lines;
    }
}
