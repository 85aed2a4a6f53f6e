using System.Buffers;
using System.Globalization;
using System.Text;

namespace LabRunner.Content.Text;

/// <summary>
/// Text from outside LabRunner (an endpoint's answers and error messages, identifiers, a lab's own text) made safe to
/// print on a terminal or in a report. Every character a terminal acts on, that starts a new line, or that hides or
/// reorders text is shown as a C-style escape: <c>\n</c>, <c>\r</c>, <c>\t</c>, <c>\x1b</c> (C0, DEL, C1),
/// <c>\u202e</c> (bidi controls and other invisible format characters, U+2028/U+2029, U+FFFE/U+FFFF, a lone
/// surrogate), <c>\U000e0041</c> beyond the BMP. The result is one line, drives no terminal, and is valid in XML and JSON.
/// </summary>
public static class VisibleText
{
    private const char ZeroWidthNonJoiner = '\u200C';
    private const char ZeroWidthJoiner = '\u200D';

    /// <summary><paramref name="text"/> with every hidden or acting character made visible; itself when there is none.</summary>
    public static string Of(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var first = IndexOfHidden(text);
        if (first < 0)
            return text;
        var visible = new StringBuilder(text.Length + 16).Append(text, 0, first);
        for (var index = first; index < text.Length;)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out var length) != OperationStatus.Done)
            {
                AppendEscape(visible, text[index]);
                index++;
                continue;
            }
            if (IsHidden(rune))
                AppendEscape(visible, rune.Value);
            else
                visible.Append(text, index, length);
            index += length;
        }
        return visible.ToString();
    }

    /// <summary>
    /// <paramref name="text"/> made visible as <see cref="Of(string?)"/> makes it, but for the layout characters in
    /// <paramref name="keeping"/> (line feeds between a dialog's lines; also tabs and carriage returns in Markdown), kept as they are.
    /// </summary>
    public static string Of(string? text, string keeping)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var visible = new StringBuilder(text.Length);
        var start = 0;
        while (text.AsSpan(start).IndexOfAny(keeping) is var offset and >= 0)
        {
            visible.Append(Of(text.Substring(start, offset))).Append(text[start + offset]);
            start += offset + 1;
        }
        return visible.Append(Of(text[start..])).ToString();
    }

    private static int IndexOfHidden(string text)
    {
        for (var index = 0; index < text.Length;)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out var length) != OperationStatus.Done || IsHidden(rune))
                return index;
            index += length;
        }
        return -1;
    }

    private static bool IsHidden(Rune rune)
    {
        if (rune.Value is < 0x20 or (>= 0x7F and <= 0x9F))
            return true;
        if (rune.Value is ZeroWidthNonJoiner or ZeroWidthJoiner)
            return false; // they join emoji and scripts' letters; they reorder and start nothing
        if (rune.Value is 0xFFFE or 0xFFFF)
            return true; // noncharacters XML cannot carry
        return Rune.GetUnicodeCategory(rune) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
    }

    private static void AppendEscape(StringBuilder visible, int value)
    {
        var escape = value switch
        {
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            <= 0xFF => $"\\x{value:x2}",
            <= 0xFFFF => $"\\u{value:x4}",
            _ => $"\\U{value:x8}",
        };
        visible.Append(escape);
    }
}
