using LabRunner.Tui.Theme;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.Text;
using Terminal.Gui.ViewBase;

namespace LabRunner.Tui.Widgets;

/// <summary>A key the bottom line offers: what to press, what it does, and the same action for a mouse click.</summary>
public sealed record KeyHint(string Key, string Label, Action Action);

/// <summary>
/// The bottom line: the keys that apply right now, compact enough for 80 columns ("Enter check  p perform  …").
/// Clicking a key does what pressing it does.
/// </summary>
public sealed class KeyBar : View
{
    private readonly Palette palette;
    private IReadOnlyList<KeyHint> hints = [];
    private readonly List<(int Start, int End, KeyHint Hint)> spans = [];

    public KeyBar(Palette palette)
    {
        this.palette = palette;
        X = 0;
        Y = Pos.AnchorEnd(1);
        Width = Dim.Fill();
        Height = 1;
    }

    public IReadOnlyList<KeyHint> Hints
    {
        get => hints;
        set
        {
            hints = value;
            SetNeedsDraw();
        }
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var normal = GetAttributeForRole(VisualRole.Normal);
        var key = palette.UsesColor ? normal with { Foreground = Color.BrightCyan, Style = TextStyle.Bold } : palette.Emphasis(normal);
        var segments = new List<Segment> { new(" ", normal) };
        spans.Clear();
        var column = 1;
        foreach (var hint in hints)
        {
            spans.Add((column, column + hint.Key.GetColumns() + 1 + hint.Label.GetColumns(), hint));
            segments.Add(new Segment(hint.Key, key));
            segments.Add(new Segment($" {hint.Label}  ", normal));
            column += hint.Key.GetColumns() + hint.Label.GetColumns() + 3;
        }
        SegmentWriter.Write(this, 0, segments, Viewport.Width, normal);
        return true;
    }

    protected override bool OnMouseEvent(Mouse mouse)
    {
        if (!mouse.IsSingleClicked || mouse.Position is not { } position)
            return base.OnMouseEvent(mouse);
        var clicked = spans.FirstOrDefault(span => position.X >= span.Start && position.X < span.End);
        clicked.Hint?.Action();
        return true;
    }
}
