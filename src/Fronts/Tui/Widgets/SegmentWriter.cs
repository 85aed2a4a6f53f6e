using LabRunner.Content.Text;
using Terminal.Gui.Text;
using Terminal.Gui.ViewBase;

namespace LabRunner.Tui.Widgets;

/// <summary>Draws segments on one line of a view, their texts made visible (<see cref="VisibleText"/>), cut at the width with an ellipsis and padded to it.</summary>
public static class SegmentWriter
{
    public static void Write(View view, int row, IEnumerable<Segment> segments, int width, Terminal.Gui.Drawing.Attribute padding)
    {
        view.Move(0, row);
        var used = 0;
        foreach (var segment in segments)
        {
            if (used >= width)
                break;
            var text = Fit(VisibleText.Of(segment.Text), width - used);
            view.SetAttribute(segment.Attribute);
            view.AddStr(text);
            used += text.GetColumns();
        }
        if (used < width)
        {
            view.SetAttribute(padding);
            view.AddStr(new string(' ', width - used));
        }
    }

    /// <summary><paramref name="text"/> cut to <paramref name="columns"/>, ending in <paramref name="ending"/> ('…') when it was longer.</summary>
    public static string Fit(string text, int columns, string ending = "…")
    {
        if (columns <= 0)
            return "";
        if (text.GetColumns() <= columns)
            return text;
        var room = columns - ending.GetColumns();
        if (room < 0)
            return Fit(ending, columns);
        var cut = new System.Text.StringBuilder();
        var used = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var width = Math.Max(rune.GetColumns(), 1);
            if (used + width > room)
                break;
            cut.Append(rune.ToString());
            used += width;
        }
        return cut.Append(ending).ToString();
    }
}
