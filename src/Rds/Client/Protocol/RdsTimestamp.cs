using System.Globalization;

namespace LabRunner.Rds.Protocol;

/// <summary>
/// RDS's ISO 8601 timestamps, with any number of fractional-second digits (RDS sends 3, moto 6, others 0 or 9).
/// .NET reads at most 7, so extra digits are dropped (sub-100 ns precision is noise here).
/// </summary>
internal static class RdsTimestamp
{
    private const int MaxFractionDigits = 7;

    public static DateTimeOffset? TryParse(string text)
    {
        var normalized = TrimFraction(text);
        return DateTimeOffset.TryParse(
            normalized,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out var value)
            ? value
            : null;
    }

    private static string TrimFraction(string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return text;
        }

        var end = dot + 1;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        var digits = end - dot - 1;
        return digits <= MaxFractionDigits ? text : string.Concat(text.AsSpan(0, dot + 1 + MaxFractionDigits), text.AsSpan(end));
    }
}
