using LabRunner.Tui.Running;
using LabRunner.Tui.Theme;
using LabRunner.Engine.Steps;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;

namespace LabRunner.Tui.Widgets;

/// <summary>One line above the keys: the last thing that happened (a check's result and reason, an action, an error and how to retry).</summary>
public sealed class NoticeLine : View
{
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
        SegmentWriter.Write(this, 0, [new Segment($" {Mark(notice.Tone)} ", marked), new Segment(notice.Text, notice.Tone == NoticeTone.Info ? normal : marked)], Viewport.Width, normal);
        return true;
    }
}
