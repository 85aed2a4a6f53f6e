using System.Globalization;
using System.Text.RegularExpressions;
using LabRunner.Content.Text;

namespace LabRunner.Content.Markdown;

/// <summary>
/// A page's Markdown made safe to draw: every character <see cref="VisibleText"/> makes visible (controls, bidi overrides
/// and isolates, U+2028 and U+2029…) is written as its escape, whether it stands in the page or is written as a numeric
/// character reference (<c>&amp;#x202E;</c>) that Markdown would turn into it. Line feeds, carriage returns and tabs
/// stay: they are the page's layout.
/// </summary>
public static partial class VisibleMarkdown
{
    private const string Layout = "\n\r\t";

    public static string Of(string markdown) =>
        NumericReference().Replace(VisibleText.Of(markdown, keeping: Layout), reference => HiddenEscape(reference) ?? reference.Value);

    /// <summary>The escape of the character <paramref name="reference"/> names when it is one to make visible, else null.</summary>
    private static string? HiddenEscape(Match reference)
    {
        var hex = reference.Groups["hex"];
        var value = int.Parse(hex.Success ? hex.Value : reference.Groups["decimal"].Value, hex.Success ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture);
        if (value > 0x10FFFF || value is >= 0xD800 and <= 0xDFFF)
            return null; // Markdown shows these as U+FFFD
        var character = char.ConvertFromUtf32(value);
        var visible = VisibleText.Of(character);
        return visible == character ? null : visible;
    }

    /// <summary>CommonMark's numeric character references: up to 7 decimal or 6 hexadecimal digits.</summary>
    [GeneratedRegex("&#(?:[xX](?<hex>[0-9a-fA-F]{1,6})|(?<decimal>[0-9]{1,7}));")]
    private static partial Regex NumericReference();
}
