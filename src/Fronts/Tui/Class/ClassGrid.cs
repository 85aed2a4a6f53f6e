using LabRunner.Engine.Class;
using LabRunner.Tui.Theme;
using LabRunner.Tui.Widgets;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.Text;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace LabRunner.Tui.Class;

/// <summary>
/// Learners × steps: a header line and the summary line stay put, the learners' lines scroll under them. Arrows,
/// PgUp/PgDn, Home/End move the selection; Enter (or a double click) asks for the selected learner's reasons. A new
/// model replaces the lines in place, keeping the selected learner, so a refresh never flickers nor loses the place.
/// </summary>
public sealed class ClassGrid : View
{
    private const int FixedLines = 2;
    private readonly Palette palette;
    private ClassGridModel? model;
    private string? selectedKey;
    private int top;

    /// <param name="palette">The learner view's colours, so a status looks the same in both.</param>
    public ClassGrid(Palette palette)
    {
        this.palette = palette;
        CanFocus = true;
        AddCommand(Command.Up, () => MoveBy(-1));
        AddCommand(Command.Down, () => MoveBy(1));
        AddCommand(Command.PageUp, () => MoveBy(-Math.Max(RowsHeight - 1, 1)));
        AddCommand(Command.PageDown, () => MoveBy(Math.Max(RowsHeight - 1, 1)));
        AddCommand(Command.Home, () => MoveBy(-SelectedIndex));
        AddCommand(Command.End, () => MoveBy(int.MaxValue / 2));
        AddCommand(Command.Accept, () => Activate());
        KeyBindings.Add(Key.CursorUp, Command.Up);
        KeyBindings.Add(Key.CursorDown, Command.Down);
        KeyBindings.Add(Key.PageUp, Command.PageUp);
        KeyBindings.Add(Key.PageDown, Command.PageDown);
        KeyBindings.Add(Key.Home, Command.Home);
        KeyBindings.Add(Key.End, Command.End);
    }

    /// <summary>Enter or a double click on a learner.</summary>
    public event Action<LearnerRow>? LearnerActivated;

    public ClassGridModel? Model
    {
        get => model;
        set
        {
            model = value;
            if (SelectedRow is null)
                selectedKey = model?.Rows.FirstOrDefault()?.Learner.Key;
            ScrollToSelection();
            SetNeedsDraw();
        }
    }

    public LearnerRow? SelectedRow => model?.Rows.FirstOrDefault(row => row.Learner.Key == selectedKey);

    private int SelectedIndex => model is null || SelectedRow is not { } row ? 0 : IndexOf(row);

    private int RowsHeight => Math.Max(Viewport.Height - FixedLines, 1);

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var normal = GetAttributeForRole(VisualRole.Normal);
        var width = Viewport.Width;
        if (model is null)
        {
            Write(0, [new Segment(" waiting for the first read of the account…", normal)], width, normal);
            return true;
        }
        var heading = normal with { Style = TextStyle.Bold | TextStyle.Underline };
        Write(0, Line(model.Header, heading), width, heading);
        Write(1, Line(model.Summary, normal with { Style = TextStyle.Bold }), width, normal);
        for (var line = 0; line < RowsHeight; line++)
        {
            var index = top + line;
            if (index >= model.Rows.Count)
            {
                Write(FixedLines + line, index == 0 && line == 0 ? [new Segment(" no learner matches", normal)] : [], width, normal);
                continue;
            }
            var row = model.Rows[index];
            var selected = row.Learner.Key == selectedKey;
            var background = selected ? GetAttributeForRole(HasFocus ? VisualRole.Focus : VisualRole.Active) : normal;
            Write(FixedLines + line, Line(ClassGridModel.CellsOf(row), background), width, background);
        }
        return true;
    }

    protected override bool OnMouseEvent(Mouse mouse)
    {
        if (mouse.IsWheel)
            return MoveBy(mouse.Flags.HasFlag(MouseFlags.WheeledDown) ? 1 : -1);
        if (model is null || mouse.Position is not { } position || !mouse.IsSingleDoubleOrTripleClicked)
            return base.OnMouseEvent(mouse);
        var index = top + position.Y - FixedLines;
        if (index < 0 || index >= model.Rows.Count)
            return true;
        SetFocus();
        selectedKey = model.Rows[index].Learner.Key;
        SetNeedsDraw();
        if (mouse.IsDoubleClicked)
            Activate();
        return true;
    }

    protected override void OnViewportChanged(DrawEventArgs e)
    {
        base.OnViewportChanged(e);
        ScrollToSelection();
    }

    private bool Activate()
    {
        if (SelectedRow is { } row)
            LearnerActivated?.Invoke(row);
        return true;
    }

    private bool MoveBy(int delta)
    {
        if (model is null || model.Rows.Count == 0)
            return true;
        var index = Math.Clamp((long)SelectedIndex + delta, 0, model.Rows.Count - 1);
        selectedKey = model.Rows[(int)index].Learner.Key;
        ScrollToSelection();
        SetNeedsDraw();
        return true;
    }

    private void ScrollToSelection()
    {
        if (model is null)
            return;
        var index = SelectedIndex;
        if (index < top)
            top = index;
        else if (index >= top + RowsHeight)
            top = index - RowsHeight + 1;
        top = Math.Clamp(top, 0, Math.Max(model.Rows.Count - RowsHeight, 0));
    }

    private int IndexOf(LearnerRow row)
    {
        for (var index = 0; index < model!.Rows.Count; index++)
            if (model.Rows[index].Learner.Key == row.Learner.Key)
                return index;
        return 0;
    }

    /// <summary>The cells of a line, each padded or cut to its column, a step's glyph in its status colour.</summary>
    private IEnumerable<Segment> Line(IReadOnlyList<GridCell> cells, Attribute normal) =>
        cells.Select((cell, column) => new Segment(" " + Fit(cell.Text, model!.Widths[column]), cell.Status is { } status ? palette.Status(status, normal) : normal));

    private void Write(int row, IEnumerable<Segment> segments, int width, Attribute padding) => SegmentWriter.Write(this, row, segments, width, padding);

    /// <summary><paramref name="text"/> cut with '…' to <paramref name="columns"/> columns and padded to exactly that.</summary>
    public static string Fit(string text, int columns)
    {
        var fitted = SegmentWriter.Fit(text, columns);
        return fitted + new string(' ', Math.Max(columns - fitted.GetColumns(), 0));
    }
}
