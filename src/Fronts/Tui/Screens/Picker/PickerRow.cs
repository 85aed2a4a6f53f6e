using LabRunner.Tui.Labs;

namespace LabRunner.Tui.Screens.Picker;

/// <summary>A line of the picker: a lab's title line (selectable) or the description line under it.</summary>
public sealed record PickerRow(LabEntry Entry, bool IsTitle);
