using LabRunner.Tui.Running;
using LabRunner.Tui.Theme;
using LabRunner.Engine.Steps;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.Text;
using Terminal.Gui.ViewBase;

namespace LabRunner.Tui.Widgets;

/// <summary>
/// One line above the keys: the last thing that happened (a check's result and reason, an action, an error and how to
/// retry). A notice too long for the line ends in "… m: more", and m (or a click on the line) shows it whole.
/// </summary>
public sealed class NoticeLine : OpaqueView
{
    /// <summary>The cue at the end of a notice cut to fit, naming the key that shows it whole.</summary>
    public const string MoreCue = "… m: more";

    private readonly Palette palette;
    private Notice? notice;

    public NoticeLine(Palette palette)
    {
        this.palette = palette;
        X = 0;
        Width = Dim.Fill();
        Height = 1;
    }

    public Notice? Notice
    {
        get => notice;
        set
        {
            notice = value;
            SetNeedsDraw();
        }
    }

    /// <summary>Raised when the line is clicked while its notice is cut.</summary>
    public event Action? MoreRequested;

    /// <summary>Whether the notice is longer than the line, so only its start shows.</summary>
    public bool IsCut => notice is not null && 3 + notice.Text.GetColumns() > Viewport.Width;

    private static string Mark(NoticeTone tone) => tone switch
    {
        NoticeTone.Success => StepStatus.Passed.Glyph(),
        NoticeTone.Failure => StepStatus.Failed.Glyph(),
        NoticeTone.Error => StepStatus.Error.Glyph(),
        _ => "›",
    };

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var normal = GetAttributeForRole(VisualRole.Normal);
        if (notice is null)
        {
            SegmentWriter.Write(this, 0, [], Viewport.Width, normal);
            return true;
        }
        var status = notice.Tone switch
        {
            NoticeTone.Success => StepStatus.Passed,
            NoticeTone.Failure => StepStatus.Failed,
            NoticeTone.Error => StepStatus.Error,
            _ => StepStatus.InProgress,
        };
        var marked = palette.Status(status, normal);
        SegmentWriter.Write(this, 0,
            [new Segment($" {Mark(notice.Tone)} ", marked), new Segment(SegmentWriter.Fit(notice.Text, Viewport.Width - 3, " " + MoreCue), notice.Tone == NoticeTone.Info ? normal : marked)],
            Viewport.Width, normal);
        return true;
    }

    protected override bool OnMouseEvent(Mouse mouse)
    {
        if (!mouse.IsSingleClicked || !IsCut)
            return base.OnMouseEvent(mouse);
        MoreRequested?.Invoke();
        return true;
    }
}
