using LabRunner.Tui.Theme;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.Text;
using Terminal.Gui.ViewBase;

namespace LabRunner.Tui.Widgets;

/// <summary>A key the bottom line offers: what to press, what it does, and the same action for a mouse click.</summary>
/// <param name="Optional">Left out, last first, when the line is too narrow for every key (the help still lists it).</param>
public sealed record KeyHint(string Key, string Label, Action Action, bool Optional = false)
{
    /// <summary>Columns it takes on the line, the <paramref name="gap"/> after it included.</summary>
    public int Columns(int gap) => Key.GetColumns() + 1 + Label.GetColumns() + gap;
}

/// <summary>
/// The bottom line: the keys that apply right now, compact enough for 80 columns ("Enter check  p perform  …").
/// Clicking a key does what pressing it does.
/// </summary>
public sealed class KeyBar : OpaqueView
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
        var key = palette.UsesColor ? normal with { Foreground = Color.BrightCyan, Style = TextStyle.Bold } : Palette.Emphasis(normal);
        var segments = new List<Segment> { new(" ", normal) };
        spans.Clear();
        var column = 1;
        var (shown, gap) = Fitting(Viewport.Width - 1);
        foreach (var hint in shown)
        {
            spans.Add((column, column + hint.Columns(0), hint));
            segments.Add(new Segment(hint.Key, key));
            segments.Add(new Segment($" {hint.Label}{new string(' ', gap)}", normal));
            column += hint.Columns(gap);
        }
        SegmentWriter.Write(this, 0, segments, Viewport.Width, normal);
        return true;
    }

    /// <summary>
    /// The hints two spaces apart, or one space apart when that is what it takes to fit <paramref name="width"/>;
    /// failing that, without as many optional ones (from the last) as it takes.
    /// </summary>
    private (List<KeyHint> Shown, int Gap) Fitting(int width)
    {
        static int Width(List<KeyHint> shown, int gap) => shown.Sum(hint => hint.Columns(gap)) - gap;
        var shown = hints.ToList();
        var gap = Width(shown, 2) <= width ? 2 : 1;
        for (var index = shown.Count - 1; index >= 0 && Width(shown, gap) > width; index--)
            if (shown[index].Optional)
                shown.RemoveAt(index);
        return (shown, gap);
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
