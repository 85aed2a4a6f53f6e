using System.Globalization;
using System.Text.RegularExpressions;

namespace LabRunner.Content.Loading;

/// <summary>Durations as lab authors write them: <c>30s</c>, <c>5m</c>, <c>1h</c>, <c>1m30s</c>.</summary>
public static partial class Durations
{
    public static TimeSpan? Parse(string text)
    {
        var match = Form().Match(text);
        if (!match.Success)
            return null;
        var duration = TimeSpan.FromHours(Number(match.Groups["h"])) + TimeSpan.FromMinutes(Number(match.Groups["m"])) + TimeSpan.FromSeconds(Number(match.Groups["s"]));
        return duration > TimeSpan.Zero ? duration : null;
    }

    private static int Number(Group group) => group.Success ? int.Parse(group.Value, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"^(?=\d)(?:(?<h>\d{1,4})h)?(?:(?<m>\d{1,5})m)?(?:(?<s>\d{1,6})s)?$")]
    private static partial Regex Form();
}
