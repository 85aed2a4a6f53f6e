using System.Globalization;
using System.Text;

namespace LabRunner.Content.Text;

/// <summary>
/// Text from a lab quoted in a finding: on one line (line breaks and other control characters written as escapes such
/// as <c>\n</c> or <c>\u2028</c>) and shortened with an ellipsis, so a finding stays one line a person can read.
/// </summary>
public static class Echo
{
    public const int DefaultLength = 60;

    /// <summary>For a whole message from a library (YamlDotNet), which may quote the file at length.</summary>
    public const int MessageLength = 200;

    public static string Of(string? text, int maxLength = DefaultLength)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var echoed = new StringBuilder(Math.Min(text.Length, maxLength) + 8);
        foreach (var character in text)
        {
            if (echoed.Length >= maxLength)
                return echoed.Append('…').ToString();
            echoed.Append(Escaped(character));
        }
        return echoed.ToString();
    }

    private static string Escaped(char character) => character switch
    {
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        _ when char.IsControl(character) || CharUnicodeInfo.GetUnicodeCategory(character) is UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Format => $"\\u{(int)character:X4}",
        _ => character.ToString(),
    };
}
