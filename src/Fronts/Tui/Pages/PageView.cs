using Terminal.Gui.Views;

namespace LabRunner.Tui.Pages;

/// <summary>
/// A lab page: Terminal.Gui's Markdown view, which fills its whole viewport itself before drawing its lines, so the
/// clearing Terminal.Gui does before every redraw is skipped (it was 7 % of drawing a step switch).
/// </summary>
public sealed class PageView : Markdown
{
    protected override bool OnClearingViewport() => true;
}
