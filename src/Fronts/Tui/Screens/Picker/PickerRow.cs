using LabRunner.Tui.Labs;

namespace LabRunner.Tui.Screens.Picker;

/// <summary>A line of the picker: a lab's title line (selectable) or one of the description lines under it.</summary>
/// <param name="Text">For a description line: its text.</param>
public sealed record PickerRow(LabEntry Entry, bool IsTitle, string Text = "");
