using System.Globalization;
using System.Text;
using LabRunner.Content.Text;
using LabRunner.Engine.Class;
using LabRunner.Engine.Steps;
using LabRunner.Engine.Targets;

namespace LabRunner.Tui.Class;

/// <summary>The words of the class view, worked out without drawing so they can be tested as text.</summary>
public static class ClassText
{
    /// <summary>
    /// The header: that it only reads, where from, and the lab, in that order, so what matters most is what an 80-column
    /// terminal shows; the lab's title is what gets cut.
    /// </summary>
    public static string Header(string labTitle, TargetInfo target) =>
        VisibleText.Of($" READ-ONLY class view · {ShortTarget(target)} · {labTitle}");

    private static string ShortTarget(TargetInfo target) => target.KindName switch
    {
        "sandbox" => "SANDBOX",
        "aws" => $"AWS {target.Region}",
        _ => $"endpoint {target.Endpoint.Authority}",
    };

    /// <summary>
    /// "refreshed 09:00:12 UTC, 3 s ago · every 10 s · 12 requests · 18 learners", then what is going on now:
    /// refreshing, or throttled and retrying. A failure has a line of its own, <see cref="Failure"/>.
    /// </summary>
    public static string Status(ClassStatus status, DateTimeOffset now, TimeSpan interval)
    {
        var line = new StringBuilder(" ");
        line.Append(status.Board is { } board
            ? $"refreshed {board.ReadAt:HH:mm:ss} UTC, {Age(status.Age(now)!.Value)} ago · {board.Rows.Count} learner{(board.Rows.Count == 1 ? "" : "s")}"
            : "no data yet");
        line.Append($" · every {Age(interval)} · {status.Requests.ToString(CultureInfo.InvariantCulture)} request{(status.Requests == 1 ? "" : "s")}");
        if (status.Throttled)
            line.Append(" · THROTTLED, retrying…");
        else if (status.Refreshing)
            line.Append(" · refreshing…");
        return line.ToString();
    }

    /// <summary>The last refresh's failure, saying that the grid on show is the last good read; empty when it succeeded.</summary>
    public static string Failure(ClassStatus status) => status.Failure is { } failure
        ? $" REFRESH FAILED at {status.FailedAt:HH:mm:ss}: {VisibleText.Of(failure)}{(status.Board is null ? "" : " (showing the last good read)")}"
        : "";

    /// <summary>Every step of one learner with its status and full reason, for the details dialog.</summary>
    public static string Reasons(LearnerRow row)
    {
        var text = new StringBuilder();
        var learner = row.Learner;
        text.AppendLine(string.Join("  ", learner.Learner.Variables.Select(variable => VisibleText.Of($"{variable.Key}={variable.Value}"))));
        text.AppendLine($"{Sources(learner.Sources)}{(row.Started ? "" : "; none of their resources exist yet")}");
        text.AppendLine();
        foreach (var (index, result) in row.Results.Index())
        {
            var percent = result.Percent is { } value ? $" {value} %" : "";
            text.AppendLine(VisibleText.Of($"{ClassGridModel.StepNumber(index, result.Optional)} {result.Status.Glyph()} {result.Title} ({result.StepId}): {result.Status.WireName()}{percent}"));
            text.AppendLine($"    {VisibleText.Of(result.Reason)}");
        }
        return text.ToString().TrimEnd();
    }

    public static string Age(TimeSpan age) => age.TotalSeconds < 90
        ? $"{Math.Max(0, (int)age.TotalSeconds)} s"
        : age.TotalMinutes < 90 ? $"{(int)age.TotalMinutes} min" : $"{(int)age.TotalHours} h";

    private static string Sources(LearnerSources sources) => sources switch
    {
        LearnerSources.Roster => $"on the roster",
        LearnerSources.Discovered => "found in the account",
        _ => "on the roster and found in the account",
    };
}
