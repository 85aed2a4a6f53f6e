using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace LabRunner.Tui.Widgets;

/// <summary>
/// A vertical list of one-line rows drawn in coloured segments. Arrows, Home/End, PgUp/PgDn and the mouse move the
/// selection over the selectable rows (section headings are not); Enter or a double click activates it. Unlike
/// ListView it has no type-ahead, so letter keys stay free for the screen's own commands.
/// </summary>
public sealed class RowList<TRow> : OpaqueView where TRow : class
{
    private readonly Func<TRow, bool> isSelectable;
    private readonly Func<TRow, int, bool, IReadOnlyList<Segment>> render;
    private IReadOnlyList<TRow> rows = [];
    private int selected = -1;
    private int top;

    /// <param name="render">The row's segments for a width, and whether it is the selected row.</param>
    public RowList(Func<TRow, bool> isSelectable, Func<TRow, int, bool, IReadOnlyList<Segment>> render)
    {
        this.isSelectable = isSelectable;
        this.render = render;
        CanFocus = true;
        AddCommand(Command.Up, () => MoveBy(-1));
        AddCommand(Command.Down, () => MoveBy(1));
        AddCommand(Command.PageUp, () => MoveBy(-Math.Max(Viewport.Height - 1, 1)));
        AddCommand(Command.PageDown, () => MoveBy(Math.Max(Viewport.Height - 1, 1)));
        AddCommand(Command.Home, () => Select(FirstSelectable(0, 1)));
        AddCommand(Command.End, () => Select(FirstSelectable(rows.Count - 1, -1)));
        KeyBindings.Add(Key.CursorUp, Command.Up);
        KeyBindings.Add(Key.CursorDown, Command.Down);
        KeyBindings.Add(Key.PageUp, Command.PageUp);
        KeyBindings.Add(Key.PageDown, Command.PageDown);
        KeyBindings.Add(Key.Home, Command.Home);
        KeyBindings.Add(Key.End, Command.End);
    }

    /// <summary>Raised when the selection moves to another row.</summary>
    public event Action<TRow>? SelectionChanged;

    /// <summary>Raised on a double click of a row (Enter is left to the screen).</summary>
    public event Action<TRow>? RowActivated;

    public IReadOnlyList<TRow> Rows => rows;

    public TRow? SelectedRow => selected >= 0 && selected < rows.Count ? rows[selected] : null;

    /// <summary>Replaces the rows, keeping the selection on <paramref name="keep"/> (or the first selectable row).</summary>
    public void SetRows(IReadOnlyList<TRow> newRows, TRow? keep = null)
    {
        rows = newRows;
        var index = keep is null ? -1 : IndexOf(keep);
        selected = index >= 0 ? index : FirstSelectable(0, 1);
        ScrollToSelection();
        SetNeedsDraw();
    }

    /// <summary>Redraws after rows changed their content but not their order.</summary>
    public void Refresh() => SetNeedsDraw();

    public bool Select(TRow row) => Select(IndexOf(row));

    private int IndexOf(TRow row)
    {
        for (var index = 0; index < rows.Count; index++)
            if (ReferenceEquals(rows[index], row) || rows[index].Equals(row))
                return index;
        return -1;
    }

    private bool MoveBy(int delta)
    {
        if (rows.Count == 0)
            return true;
        var direction = Math.Sign(delta);
        var target = Math.Clamp(Math.Max(selected, 0) + delta, 0, rows.Count - 1);
        var found = FirstSelectable(target, direction);
        if (found < 0)
            found = FirstSelectable(target, -direction);
        return Select(found);
    }

    private int FirstSelectable(int from, int direction)
    {
        for (var index = from; index >= 0 && index < rows.Count; index += direction)
            if (isSelectable(rows[index]))
                return index;
        return -1;
    }

    private bool Select(int index)
    {
        if (index < 0 || index >= rows.Count || !isSelectable(rows[index]))
            return true;
        var changed = index != selected;
        selected = index;
        ScrollToSelection();
        SetNeedsDraw();
        if (changed)
            SelectionChanged?.Invoke(rows[index]);
        return true;
    }

    private void ScrollToSelection()
    {
        var height = Math.Max(Viewport.Height, 1);
        if (selected < 0)
            top = 0;
        else if (selected < top)
            top = selected;
        else if (selected >= top + height)
            top = selected - height + 1;
        // Show the section heading above the first step when there is room.
        if (top > 0 && selected - top < height - 1 && !isSelectable(rows[top - 1]))
            top--;
        // Never leave blank lines at the bottom while rows are hidden above.
        top = Math.Clamp(top, 0, Math.Max(rows.Count - height, 0));
    }

    protected override void OnViewportChanged(DrawEventArgs e)
    {
        base.OnViewportChanged(e);
        ScrollToSelection();
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var width = Viewport.Width;
        var normal = GetAttributeForRole(VisualRole.Normal);
        for (var line = 0; line < Viewport.Height; line++)
        {
            var index = top + line;
            if (index >= rows.Count)
            {
                SegmentWriter.Write(this, line, [], width, normal);
                continue;
            }
            var isSelected = index == selected;
            var segments = render(rows[index], width, isSelected);
            SegmentWriter.Write(this, line, isSelected ? Highlight(segments) : segments, width, isSelected ? SelectionAttribute : normal);
        }
        return true;
    }

    private Attribute SelectionAttribute => GetAttributeForRole(HasFocus ? VisualRole.Focus : VisualRole.Active);

    /// <summary>The selected row keeps its segments' colours on the selection's background.</summary>
    private IEnumerable<Segment> Highlight(IReadOnlyList<Segment> segments)
    {
        var background = SelectionAttribute.Background;
        return segments.Select(segment => segment with { Attribute = segment.Attribute with { Background = background } });
    }

    protected override bool OnMouseEvent(Mouse mouse)
    {
        if (mouse.IsWheel)
            return MoveBy(mouse.Flags.HasFlag(MouseFlags.WheeledDown) ? 1 : -1);
        if (mouse.Position is not { } position || !mouse.IsSingleDoubleOrTripleClicked)
            return base.OnMouseEvent(mouse);
        var index = top + position.Y;
        if (index < 0 || index >= rows.Count || !isSelectable(rows[index]))
            return true;
        SetFocus();
        Select(index);
        if (mouse.IsDoubleClicked)
            RowActivated?.Invoke(rows[index]);
        return true;
    }
}
