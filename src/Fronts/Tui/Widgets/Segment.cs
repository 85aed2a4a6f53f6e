using Attribute = Terminal.Gui.Drawing.Attribute;

namespace LabRunner.Tui.Widgets;

/// <summary>A run of text in one colour, the unit custom-drawn rows are made of.</summary>
public readonly record struct Segment(string Text, Attribute Attribute);
