using System.Globalization;
using LabRunner.Content.Text;

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
    private const int MinutesPerWeek = 7 * MinutesPerDay;
    private static readonly string[] Days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    /// <summary>
    /// Why <paramref name="text"/> is no backup window RDS accepts, or null when it is one; once the cluster is known,
    /// its <paramref name="maintenanceWindow"/> (<c>ddd:hh:mm-ddd:hh:mm</c>) must not overlap it either.
    /// </summary>
    public static string? Problem(string text, string? maintenanceWindow = null)
    {
        if (MinutesOf(text) is not { } window)
            return $"'{Echo.Of(text)}' is not a time window like 05:00-05:45 (start-end, hh:mm, UTC)";
        var length = Modulo(window.End - window.Start, MinutesPerDay);
        if (length < MinimumMinutes)
            return $"'{Echo.Of(text)}' lasts {length} minute{(length == 1 ? "" : "s")}; a backup window needs at least {MinimumMinutes} minutes";
        if (maintenanceWindow is not null && WeeklyMinutesOf(maintenanceWindow) is { } weekly
            && Overlaps(window.Start, length, weekly.Start, Modulo(weekly.End - weekly.Start, MinutesPerWeek)))
            return $"'{Echo.Of(text)}' overlaps your cluster's weekly maintenance window ({maintenanceWindow} UTC); choose a time outside it";
        return null;
    }

    /// <summary>True when a daily window, on any day of the week, shares a minute with a weekly one (minutes from Monday 00:00).</summary>
    public static bool Overlaps(int dailyStart, int dailyLength, int weeklyStart, int weeklyLength)
    {
        for (var day = 0; day < 7; day++)
        {
            var start = day * MinutesPerDay + dailyStart;
            if (Contains(weeklyStart, weeklyLength, start) || Contains(start, dailyLength, weeklyStart))
                return true;
        }
        return false;
    }

    private static bool Contains(int start, int length, int minute) => Modulo(minute - start, MinutesPerWeek) < length;

    private static int Modulo(int value, int modulus) => ((value % modulus) + modulus) % modulus;

    /// <summary>Start and end as minutes of the day, or null when <paramref name="text"/> is not <c>hh:mm-hh:mm</c>.</summary>
    private static (int Start, int End)? MinutesOf(string text)
    {
        var halves = text.Split('-');
        return halves.Length == 2 && MinuteOfDay(halves[0]) is { } start && MinuteOfDay(halves[1]) is { } end ? (start, end) : null;
    }

    /// <summary>Start and end as minutes from Monday 00:00, or null when <paramref name="text"/> is not <c>ddd:hh:mm-ddd:hh:mm</c>.</summary>
    private static (int Start, int End)? WeeklyMinutesOf(string text)
    {
        var halves = text.ToLowerInvariant().Split('-');
        return halves.Length == 2 && MinuteOfWeek(halves[0]) is { } start && MinuteOfWeek(halves[1]) is { } end ? (start, end) : null;
    }

    private static int? MinuteOfWeek(string text) =>
        text.Length == 9 && text[3] == ':' && Array.IndexOf(Days, text[..3]) is var day and >= 0 && MinuteOfDay(text[4..]) is { } minute
            ? day * MinutesPerDay + minute
            : null;

    private static int? MinuteOfDay(string text) =>
        text.Length == 5 && TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time.Hour * 60 + time.Minute
            : null;
}
