using LabRunner.Content.Text;
using LabRunner.Engine.Steps;
using LabRunner.Tui.Running;
using LabRunner.Tui.Theme;
using LabRunner.Tui.Widgets;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace LabRunner.Tui.Screens.Main;

/// <summary>
/// The foot of the page: the open step's status and reason (two lines, wrapped), then either a progress bar with the
/// percent and the time waited, while LabRunner polls the step, or what to press next.
/// </summary>
public sealed class StepStatusPanel : View
{
    public const int Lines = 3;

    private readonly Palette palette;
    private readonly ProgressBar bar;
    private StepResult? result;
    private StepActivity? activity;
    private string nextKeys = "";
    private string elapsed = "";

    public StepStatusPanel(Palette palette)
    {
        this.palette = palette;
        X = 0;
        Y = Pos.AnchorEnd(Lines);
        Width = Dim.Fill();
        Height = Lines;
        bar = new ProgressBar
        {
            X = 2,
            Y = Lines - 1,
            Width = Dim.Fill(25),
            Height = 1,
            ProgressBarStyle = ProgressBarStyle.Continuous,
            Visible = false,
        };
        Add(bar);
    }

    /// <summary>Shows <paramref name="shown"/>; <paramref name="elapsedText"/> is the time waited so far while <paramref name="current"/> is a wait.</summary>
    public void Show(StepResult shown, StepActivity? current, string keys, string elapsedText)
    {
        result = shown;
        activity = current;
        nextKeys = keys;
        elapsed = elapsedText;
        bar.Visible = IsWaiting;
        bar.Fraction = (shown.Percent ?? 0) / 100f;
        SetNeedsDraw();
    }

    /// <summary>The status and reason as one text, for reading it whole when the panel's two lines cut it.</summary>
    public string? WholeText => result is null || result.Status == StepStatus.NotChecked ? null : $"{StepText.Status(result)}: {result.Reason}";

    private bool IsWaiting => activity?.Kind == StepActivityKind.Waiting || result?.Status == StepStatus.InProgress;

    /// <summary>The bar's text: "45 % · 0:12 waited".</summary>
    private string ProgressText => $"{(result?.Percent is { } percent ? $"{percent,3} %" : "  … ")} · {elapsed} waited";

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var normal = GetAttributeForRole(VisualRole.Normal);
        var width = Viewport.Width;
        if (result is null)
            return true;
        var busy = activity?.Kind switch
        {
            StepActivityKind.Checking => " (checking…)",
            StepActivityKind.Performing => " (performing…)",
            _ => "",
        };
        var headline = result.Status == StepStatus.NotChecked && busy.Length > 0
            ? "… Checking…"
            : $"{result.Status.Glyph()} {StepText.Status(result)}{busy}";
        var lines = StepText.Wrap(result.Status == StepStatus.NotChecked ? headline : $"{headline}: {VisibleText.Of(result.Reason)}", width - 2);
        var marked = palette.Status(result.Status, normal);
        for (var line = 0; line < 2; line++)
        {
            var text = line < lines.Count ? lines[line] : "";
            if (line == 1 && lines.Count > 2)
                text = SegmentWriter.Fit(string.Join(" ", lines.Skip(1)), width - 2, " " + NoticeLine.MoreCue);
            IReadOnlyList<Segment> segments = line == 0 && text.StartsWith(headline, StringComparison.Ordinal)
                ? [new(" ", normal), new(headline, Palette.Emphasis(marked)), new(text[headline.Length..], normal)]
                : [new(" " + text, normal)];
            SegmentWriter.Write(this, line, segments, width, normal);
        }
        if (IsWaiting)
        {
            // The bar's empty part is blank: brackets show its extent, in any colours or none.
            Move(1, Lines - 1);
            SetAttribute(normal);
            AddStr("[");
            Move(Math.Max(width - 25, 2), Lines - 1);
            AddStr("]" + SegmentWriter.Fit(" " + ProgressText, 24).PadRight(24));
        }
        else
        {
            SegmentWriter.Write(this, Lines - 1, [new Segment(" " + nextKeys, palette.Quiet(normal))], width, normal);
        }
        return true;
    }
}
