using LabRunner.Engine.Class;
using LabRunner.Tui.Theme;
using LabRunner.Tui.Widgets;
using Terminal.Gui.Drawing;
using Terminal.Gui.Text;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace LabRunner.Tui.Class;

/// <summary>
/// Learners × steps: the header line and the summary line stay put, the learners' lines scroll under them in a
/// <see cref="RowList{TRow}"/>. A new model replaces the lines in place, keeping the selected learner, so a refresh
/// never flickers nor loses the place.
/// </summary>
public sealed class ClassGrid : View
{
    private readonly Palette palette;
    private readonly FixedLines heading;
    private readonly RowList<LearnerRow> rows;
    private ClassGridModel? model;

    /// <param name="palette">The learner view's colours, so a status looks the same in both.</param>
    public ClassGrid(Palette palette)
    {
        this.palette = palette;
        CanFocus = true;
        heading = new FixedLines(this) { X = 0, Y = 0, Width = Dim.Fill(), Height = 2 };
        rows = new RowList<LearnerRow>(_ => true, Render) { X = 0, Y = 2, Width = Dim.Fill(), Height = Dim.Fill() };
        rows.RowActivated += row => LearnerActivated?.Invoke(row);
        Add(heading, rows);
    }

    /// <summary>A double click on a learner (the screen binds Enter).</summary>
    public event Action<LearnerRow>? LearnerActivated;

    public ClassGridModel? Model
    {
        get => model;
        set
        {
            var selectedKey = SelectedRow?.Learner.Key;
            model = value;
            var newRows = model?.Rows ?? [];
            rows.SetRows(newRows, newRows.FirstOrDefault(row => row.Learner.Key == selectedKey));
            heading.SetNeedsDraw();
        }
    }

    public LearnerRow? SelectedRow => rows.SelectedRow;

    public void FocusRows() => rows.SetFocus();

    private IReadOnlyList<Segment> Render(LearnerRow row, int width, bool selected) =>
        Line(model!.CellsOf(row), rows.GetAttributeForRole(VisualRole.Normal));

    private IReadOnlyList<Segment> Line(IReadOnlyList<GridCell> cells, Attribute normal) =>
        cells.Select((cell, column) => new Segment(" " + Fit(cell.Text, model!.Widths[column]), cell.Status is { } status ? palette.Status(status, normal) : normal)).ToList();

    /// <summary><paramref name="text"/> cut with '…' to <paramref name="columns"/> columns and padded to exactly that.</summary>
    public static string Fit(string text, int columns)
    {
        var fitted = SegmentWriter.Fit(text, columns);
        return fitted + new string(' ', Math.Max(columns - fitted.GetColumns(), 0));
    }

    /// <summary>The header and summary lines, or what stands in for them before the first read.</summary>
    private sealed class FixedLines(ClassGrid grid) : View
    {
        protected override bool OnDrawingContent(DrawContext? context)
        {
            var normal = GetAttributeForRole(VisualRole.Normal);
            var width = Viewport.Width;
            if (grid.model is not { } model)
            {
                SegmentWriter.Write(this, 0, [new Segment(" waiting for the first read of the account…", normal)], width, normal);
                SegmentWriter.Write(this, 1, [], width, normal);
                return true;
            }
            var header = normal with { Style = TextStyle.Bold | TextStyle.Underline };
            SegmentWriter.Write(this, 0, grid.Line(model.Header, header), width, header);
            var summary = model.Rows.Count == 0 ? [.. grid.Line(model.Summary, normal), new Segment("   no learner matches", normal)] : grid.Line(model.Summary, normal with { Style = TextStyle.Bold });
            SegmentWriter.Write(this, 1, summary, width, normal);
            return true;
        }
    }
}
