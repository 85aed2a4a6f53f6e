using Terminal.Gui.Views;

namespace LabRunner.Tui.Widgets;

/// <summary>
/// A frame whose subviews cover its whole viewport: clearing it before they draw (as Terminal.Gui does on every
/// redraw) would only be overwritten.
/// </summary>
public sealed class CoveredFrameView : FrameView
{
    protected override bool OnClearingViewport() => true;
}
