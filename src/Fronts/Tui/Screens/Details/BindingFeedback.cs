using LabRunner.Engine.Steps;
using LabRunner.Tui.Screens.Main;
using LabRunner.Tui.Theme;
using LabRunner.Tui.Widgets;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;

namespace LabRunner.Tui.Screens.Details;

/// <summary>Under the fields: what is wrong with the values, or the resource names they yield.</summary>
public sealed class BindingFeedback(Palette palette, LearnerForm form) : View
{
    /// <summary>Redraws after the form changed.</summary>
    public void Refresh() => SetNeedsDraw();

    /// <summary>The lines shown, as text: "✗ problem" or "cluster   aurora-alice-cluster".</summary>
    public IReadOnlyList<(StepStatus Tone, string Text)> Lines(int width)
    {
        if (form.Binding.Learner is not { } learner || !form.IsValid)
            return form.ShownProblems.Count == 0
                ? [(StepStatus.NotChecked, "Your lab resources will be named from these details.")]
                : form.ShownProblems.SelectMany(problem => StepText.Wrap(problem, width - 2).Select((line, index) => (StepStatus.Failed, (index == 0 ? $"{StepStatus.Failed.Glyph()} " : "  ") + line))).ToList();
        var nameWidth = learner.Resources.Keys.Max(name => name.Length);
        return [(StepStatus.NotChecked, "Your lab resources will be:"), .. learner.Resources.Select(resource => (StepStatus.Passed, $"{StepStatus.Passed.Glyph()} {resource.Key.PadRight(nameWidth)}  {resource.Value}"))];
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var normal = GetAttributeForRole(VisualRole.Normal);
        var lines = Lines(Viewport.Width);
        for (var row = 0; row < Viewport.Height; row++)
        {
            IReadOnlyList<Segment> segments = row < lines.Count ? [new Segment(lines[row].Text, lines[row].Tone == StepStatus.NotChecked ? normal : palette.Status(lines[row].Tone, normal))] : [];
            SegmentWriter.Write(this, row, segments, Viewport.Width, normal);
        }
        return true;
    }
}
