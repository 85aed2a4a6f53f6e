using System.Globalization;
using System.Text.RegularExpressions;
using LabRunner.Content.Model;
using LabRunner.Sandbox.Protocol;

namespace LabRunner.Sandbox.Rules;

/// <summary>A daily UTC window, <c>hh24:mi-hh24:mi</c>, as RDS's <c>PreferredBackupWindow</c>. It may cross midnight.</summary>
public readonly partial record struct DailyWindow(int StartMinute, int EndMinute)
{
    public const int MinutesPerDay = 24 * 60;

    public int LengthMinutes => Modulo(EndMinute - StartMinute, MinutesPerDay);

    /// <summary>Parses and applies RDS's rules (format, at least 30 minutes); <paramref name="parameter"/> names the field in errors.</summary>
    public static DailyWindow Parse(string text, string parameter)
    {
        var match = Pattern().Match(text);
        if (!match.Success)
            throw RdsFault.InvalidParameterValue($"The parameter {parameter} must be in the format hh24:mi-hh24:mi (UTC), not '{text}'.");
        var window = new DailyWindow(MinuteOfDay(match, 1), MinuteOfDay(match, 3));
        if (window.LengthMinutes < 30)
            throw RdsFault.InvalidParameterValue("The backup window must be at least 30 minutes.");
        return window;
    }

    public override string ToString() => $"{FormatMinute(StartMinute)}-{FormatMinute(EndMinute)}";

    internal static string FormatMinute(int minuteOfDay) =>
        $"{minuteOfDay / 60:00}:{minuteOfDay % 60:00}";

    internal static int MinuteOfDay(Match match, int firstGroup) =>
        int.Parse(match.Groups[firstGroup].Value, CultureInfo.InvariantCulture) * 60
        + int.Parse(match.Groups[firstGroup + 1].Value, CultureInfo.InvariantCulture);

    internal static int Modulo(int value, int modulus) => ((value % modulus) + modulus) % modulus;

    [GeneratedRegex(@"^([01][0-9]|2[0-3]):([0-5][0-9])-([01][0-9]|2[0-3]):([0-5][0-9])$")]
    private static partial Regex Pattern();
}

/// <summary>A weekly UTC window, <c>ddd:hh24:mi-ddd:hh24:mi</c>, as RDS's <c>PreferredMaintenanceWindow</c>. Minutes count from Monday 00:00.</summary>
public readonly partial record struct WeeklyWindow(int StartMinute, int EndMinute)
{
    public const int MinutesPerWeek = 7 * DailyWindow.MinutesPerDay;
    private static readonly string[] Days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    public int LengthMinutes => DailyWindow.Modulo(EndMinute - StartMinute, MinutesPerWeek);

    public static WeeklyWindow Parse(string text, string parameter)
    {
        var match = Pattern().Match(text.ToLowerInvariant());
        if (!match.Success)
            throw RdsFault.InvalidParameterValue($"The parameter {parameter} must be in the format ddd:hh24:mi-ddd:hh24:mi (UTC, days mon to sun), not '{text}'.");
        var window = new WeeklyWindow(MinuteOfWeek(match, 1), MinuteOfWeek(match, 4));
        if (window.LengthMinutes < 30)
            throw RdsFault.InvalidParameterValue("The maintenance window must be at least 30 minutes.");
        return window;
    }

    /// <summary>True when the daily window, on any day of the week, shares a minute with this window.</summary>
    public bool Overlaps(DailyWindow daily) =>
        BackupWindowRules.Overlaps(daily.StartMinute, daily.LengthMinutes, StartMinute, LengthMinutes);

    /// <summary>The first start of this window strictly after <paramref name="instant"/>.</summary>
    public DateTimeOffset NextStartAfter(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        var daysSinceMonday = ((int)utc.DayOfWeek + 6) % 7;
        var weekStart = new DateTimeOffset(utc.Date, TimeSpan.Zero).AddDays(-daysSinceMonday);
        var candidate = weekStart.AddMinutes(StartMinute);
        return candidate > utc ? candidate : candidate.AddDays(7);
    }

    public override string ToString() => $"{Format(StartMinute)}-{Format(EndMinute)}";

    private static string Format(int minuteOfWeek) =>
        $"{Days[minuteOfWeek / DailyWindow.MinutesPerDay]}:{DailyWindow.FormatMinute(minuteOfWeek % DailyWindow.MinutesPerDay)}";

    private static int MinuteOfWeek(Match match, int dayGroup) =>
        Array.IndexOf(Days, match.Groups[dayGroup].Value) * DailyWindow.MinutesPerDay + DailyWindow.MinuteOfDay(match, dayGroup + 1);

    [GeneratedRegex(@"^(mon|tue|wed|thu|fri|sat|sun):([01][0-9]|2[0-3]):([0-5][0-9])-(mon|tue|wed|thu|fri|sat|sun):([01][0-9]|2[0-3]):([0-5][0-9])$")]
    private static partial Regex Pattern();
}

/// <summary>The pairing rule RDS enforces between a cluster's two windows.</summary>
public static class WindowRules
{
    public static void EnsureNoOverlap(DailyWindow backup, WeeklyWindow maintenance)
    {
        if (maintenance.Overlaps(backup))
            throw RdsFault.InvalidParameterValue("The backup window and maintenance window must not overlap.");
    }
}
