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
        for (var index = 0; index < text.Length; index++)
        {
            if (echoed.Length >= maxLength)
                return echoed.Append('…').ToString();
            // A surrogate pair stays whole (never cut in half); a lone surrogate, which no writer accepts, is escaped.
            if (char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
                echoed.Append(text, index++, 2);
            else
                echoed.Append(Escaped(text[index]));
        }
        return echoed.ToString();
    }

    private static string Escaped(char character) => character switch
    {
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        _ when char.IsControl(character) || char.IsSurrogate(character) || CharUnicodeInfo.GetUnicodeCategory(character) is UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Format => $"\\u{(int)character:X4}",
        _ => character.ToString(),
    };
}
