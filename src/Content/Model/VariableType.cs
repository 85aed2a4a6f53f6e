using System.Globalization;

namespace LabRunner.Content.Model;

/// <summary>What a lab variable holds, as its <c>type</c> says; each type judges values in words a learner reads.</summary>
public enum VariableType
{
    /// <summary>Any text (its <c>pattern</c>, if any, still applies).</summary>
    Text,

    /// <summary>A daily UTC backup window, <c>hh:mm-hh:mm</c>, at least 30 minutes long, as RDS accepts one.</summary>
    BackupWindow,
}

public static class VariableTypes
{
    /// <summary>The name a lab writes after <c>type:</c>.</summary>
    public static string WireName(this VariableType type) => type switch
    {
        VariableType.BackupWindow => "backup-window",
        _ => "text",
    };

    public static IReadOnlyList<string> WireNames { get; } = Enum.GetValues<VariableType>().Select(WireName).ToList();

    public static VariableType? FromWireName(string name) =>
        Enum.GetValues<VariableType>().Cast<VariableType?>().FirstOrDefault(type => type!.Value.WireName() == name);
}

/// <summary>RDS's rules for a cluster's daily backup window, told in words (never as a pattern).</summary>
public static class BackupWindowRules
{
    public const int MinimumMinutes = 30;
    private const int MinutesPerDay = 24 * 60;

    /// <summary>Why <paramref name="text"/> is no backup window RDS accepts, or null when it is one.</summary>
    public static string? Problem(string text)
    {
        if (MinutesOf(text) is not { } window)
            return $"'{text}' is not a time window like 05:00-05:45 (start-end, hh:mm, UTC)";
        var length = ((window.End - window.Start) % MinutesPerDay + MinutesPerDay) % MinutesPerDay;
        return length < MinimumMinutes
            ? $"'{text}' lasts {length} minute{(length == 1 ? "" : "s")}; a backup window needs at least {MinimumMinutes} minutes"
            : null;
    }

    /// <summary>Start and end as minutes of the day, or null when <paramref name="text"/> is not <c>hh:mm-hh:mm</c>.</summary>
    private static (int Start, int End)? MinutesOf(string text)
    {
        var halves = text.Split('-');
        return halves.Length == 2 && MinuteOfDay(halves[0]) is { } start && MinuteOfDay(halves[1]) is { } end ? (start, end) : null;
    }

    private static int? MinuteOfDay(string text) =>
        text.Length == 5 && TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time.Hour * 60 + time.Minute
            : null;
}
