using LabRunner.Engine.Targets;
using LabRunner.Tui.Theme;
using Terminal.Gui.Text;
using Terminal.Gui.ViewBase;

namespace LabRunner.Tui.Widgets;

/// <summary>
/// The top line of every screen: what is open (lab title, learner) on the left, and on the right the target badge,
/// which is never cut: SANDBOX and AWS differ in colour and in words.
/// </summary>
public sealed class HeaderBar : OpaqueView
{
    private readonly Palette palette;
    private readonly TargetKind kind;
    private TargetInfo? target;
    private string title = "LabRunner";
    private string? learner;

    public HeaderBar(Palette palette, TargetKind kind)
    {
        this.palette = palette;
        this.kind = kind;
        X = 0;
        Y = 0;
        Width = Dim.Fill();
        Height = 1;
    }

    /// <summary>What is open: a lab's title, or what the screen is for.</summary>
    public string Heading
    {
        get => title;
        set
        {
            title = value;
            SetNeedsDraw();
        }
    }

    public string? Learner
    {
        get => learner;
        set
        {
            learner = value;
            SetNeedsDraw();
        }
    }

    /// <summary>The connected target; null while connecting.</summary>
    public TargetInfo? Target
    {
        get => target;
        set
        {
            target = value;
            SetNeedsDraw();
        }
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var width = Viewport.Width;
        var bar = palette.Header;
        var badge = TargetWords.Badge(kind, target);
        var left = learner is null ? $" LabRunner · {title}" : $" LabRunner · {title} · {learner}";
        var room = Math.Max(width - badge.GetColumns() - 1, 0);
        SegmentWriter.Write(this, 0, [new Segment(SegmentWriter.Fit(left, room).PadRight(room + 1), Palette.Emphasis(bar)), new Segment(badge, palette.Badge(kind, target))], width, bar);
        return true;
    }
}
