using System.Text;
using LabRunner.Engine.Class;
using LabRunner.Engine.Steps;
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
    private ClassGridModel? model;
    private string? selectedKey;
    private int top;

    public ClassGrid()
    {
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
            Write(0, [(" waiting for the first read of the account…", normal)], width, normal);
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
                Write(FixedLines + line, index == 0 && line == 0 ? [(" no learner matches", normal)] : [], width, normal);
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
    private IEnumerable<(string Text, Attribute Attribute)> Line(IReadOnlyList<GridCell> cells, Attribute normal) =>
        cells.Select((cell, column) => (" " + Fit(cell.Text, model!.Widths[column]), cell.Status is { } status ? StatusColors.On(status, normal) : normal));

    private void Write(int row, IEnumerable<(string Text, Attribute Attribute)> parts, int width, Attribute padding)
    {
        Move(0, row);
        var used = 0;
        foreach (var (text, attribute) in parts)
        {
            var fitted = Fit(text, width - used, pad: false);
            if (fitted.Length == 0)
                break;
            SetAttribute(attribute);
            AddStr(fitted);
            used += fitted.GetColumns();
        }
        SetAttribute(padding);
        AddStr(new string(' ', Math.Max(width - used, 0)));
    }

    /// <summary><paramref name="text"/> cut with '…' to at most <paramref name="columns"/> columns, and padded to exactly that unless told not to.</summary>
    public static string Fit(string text, int columns, bool pad = true)
    {
        if (columns <= 0)
            return "";
        var used = text.GetColumns();
        if (used <= columns)
            return pad ? text + new string(' ', columns - used) : text;
        var cut = new StringBuilder();
        used = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var runeWidth = Math.Max(rune.GetColumns(), 1);
            if (used + runeWidth > columns - 1)
                break;
            cut.Append(rune.ToString());
            used += runeWidth;
        }
        return cut.Append('…').Append(' ', pad ? columns - 1 - used : 0).ToString();
    }
}

/// <summary>Status colours on the grid (green passed, red failed, yellow on its way, magenta error, cyan manual), or only bold for failures without colour.</summary>
public static class StatusColors
{
    public static bool Enabled { get; set; } = string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    public static Attribute On(StepStatus status, Attribute normal) => Enabled
        ? normal with
        {
            Foreground = status switch
            {
                StepStatus.Passed => Color.BrightGreen,
                StepStatus.Failed => Color.BrightRed,
                StepStatus.InProgress => Color.BrightYellow,
                StepStatus.Error => Color.BrightMagenta,
                StepStatus.Manual or StepStatus.Acknowledged => Color.BrightCyan,
                _ => normal.Foreground,
            },
        }
        : normal with { Style = status is StepStatus.Failed or StepStatus.Error ? TextStyle.Bold : TextStyle.None };
}
