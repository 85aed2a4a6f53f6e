using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using LabRunner.Content.Learners;

namespace LabRunner.Engine.Specs;

/// <summary>A daily UTC window as RDS writes a backup window: <c>hh24:mi-hh24:mi</c>; it may wrap past midnight.</summary>
public sealed record TimeWindow(TimeOnly Start, TimeOnly End)
{
    /// <summary>TimeOnly subtraction wraps past midnight by itself.</summary>
    public TimeSpan Duration => End - Start;

    /// <summary>The window in a bound spec's parameter, or null when it is not given.</summary>
    /// <exception cref="LabSpecException">The value has the right form but is no window (it starts and ends at once).</exception>
    public static TimeWindow? From(BoundSpec spec, string parameter)
    {
        if (spec.Text(parameter) is not { } text)
            return null;
        return TryParse(text, out var window, out var problem)
            ? window
            : throw new LabSpecException(spec.Location, $"parameter '{parameter}' of {spec.Kind}: {problem}");
    }

    public static bool TryParse(string text, [NotNullWhen(true)] out TimeWindow? window, [NotNullWhen(false)] out string? problem)
    {
        window = null;
        var halves = text.Split('-');
        if (halves.Length != 2 || !TryParseTime(halves[0], out var start) || !TryParseTime(halves[1], out var end))
        {
            problem = $"'{text}' is not a time window like 05:00-05:45 (hh24:mi-hh24:mi, UTC)";
            return false;
        }
        if (start == end)
        {
            problem = $"'{text}' starts and ends at the same time";
            return false;
        }
        window = new TimeWindow(start, end);
        problem = null;
        return true;
    }

    public override string ToString() =>
        $"{Start.ToString("HH:mm", CultureInfo.InvariantCulture)}-{End.ToString("HH:mm", CultureInfo.InvariantCulture)}";

    private static bool TryParseTime(string text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
}
