using Terminal.Gui.ViewBase;

namespace LabRunner.Tui.Widgets;

/// <summary>
/// A view that writes every cell of its viewport each time it draws (<see cref="SegmentWriter"/> pads each line to the
/// width). Terminal.Gui 2.5 redraws the whole screen after any change and clears each view before drawing it; for
/// these views the clearing is wasted work, a fifth of a redraw on the lab screen.
/// </summary>
public abstract class OpaqueView : View
{
    protected override bool OnClearingViewport() => true;
}
