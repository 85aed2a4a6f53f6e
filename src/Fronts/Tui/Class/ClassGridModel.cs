using LabRunner.Content.Model;
using LabRunner.Engine.Class;
using LabRunner.Engine.Steps;
using LabRunner.Rds.Passes;

namespace LabRunner.Tui.Class;

/// <summary>One cell of the class grid: its text and, for a step, the status that colours it.</summary>
public sealed record GridCell(string Text, StepStatus? Status = null);

/// <summary>How the grid orders learners: least progress first (the board's order), longest idle first, or by name.</summary>
public enum ClassSort
{
    Progress,
    Idle,
    Name,
}

/// <summary>What the instructor chose to see: a name filter, an order, and whether only stuck learners show.</summary>
public sealed record GridView(string Filter = "", ClassSort Sort = ClassSort.Progress, bool StuckOnly = false)
{
    /// <summary>"sorted by progress · all learners", for the line under the header.</summary>
    public string Text => $"sorted by {Sort.ToString().ToLowerInvariant()} · {(StuckOnly ? "stuck learners only" : "all learners")}";

    public GridView NextSort() => this with { Sort = (ClassSort)(((int)Sort + 1) % Enum.GetValues<ClassSort>().Length) };
}

/// <summary>
/// What the class grid shows, worked out from a board and the name filter without any drawing: the columns
/// (learner, one per required step, progress, the optional steps done when the lab has any, idle) with their widths, the header and summary lines, and the learners' rows.
/// </summary>
public sealed class ClassGridModel
{
    private const int MaxNameWidth = 24;

    /// <summary>The widest step cell, "◐ 100%"; a step's column is headed by its number, never by a cut id.</summary>
    private const int StepWidth = 6;

    /// <summary>The one column of the optional steps: how many of them the learner has done.</summary>
    private const string OptionalHeader = "opt";

    /// <summary>The widest idle cell, "stuck 59 min".</summary>
    private const int IdleWidth = 12;

    private ClassGridModel(ClassBoard board, IReadOnlyList<LearnerRow> rows, IReadOnlyList<int> widths)
    {
        Board = board;
        Rows = rows;
        Widths = widths;
    }

    public ClassBoard Board { get; }

    /// <summary>The learners the view shows (name holds the filter; stuck only, if asked), in its order.</summary>
    public IReadOnlyList<LearnerRow> Rows { get; }

    /// <summary>Column widths: the learner, each required step, the progress, the optional steps (when any), the time idle.</summary>
    public IReadOnlyList<int> Widths { get; }

    public static ClassGridModel Of(ClassBoard board, string filter) => Of(board, new GridView(filter));

    public static ClassGridModel Of(ClassBoard board, GridView view)
    {
        var shown = board.Rows.Where(row => Matches(row, view.Filter) && (!view.StuckOnly || row.Activity.Stuck));
        var rows = view.Sort switch
        {
            ClassSort.Idle => shown.OrderBy(row => row.Activity.LastActivity ?? DateTimeOffset.MinValue).ThenBy(row => row.Learner.Key, StringComparer.Ordinal),
            ClassSort.Name => shown.OrderBy(row => row.Learner.Key, StringComparer.Ordinal),
            _ => shown,
        };
        var nameWidth = Math.Clamp(board.Rows.Select(row => row.Learner.Key.Length).Append(SummaryLabel(board).Length).Max(), "learner".Length, MaxNameWidth);
        var progressWidth = board.Rows.Select(row => Progress(row).Length).Append("not started".Length).Max();
        IReadOnlyList<int> optionalWidth = HasOptional(board) ? [board.Rows.Select(row => Optional(row).Length).Append(OptionalHeader.Length).Max()] : [];
        return new ClassGridModel(board, rows.ToList(), [nameWidth, .. RequiredSteps(board).Select(_ => StepWidth), progressWidth, .. optionalWidth, IdleWidth]);
    }

    /// <summary>Required steps are numbered as in the learner view; a learner's details (Enter) name each numbered step. Optional steps share one column.</summary>
    public IReadOnlyList<GridCell> Header =>
        [new("learner"), .. RequiredSteps(Board).Select(step => new GridCell(StepNumber(step.Index))), new("progress"), .. OptionalCell(new GridCell(OptionalHeader)), new("idle")];

    /// <summary>The header with each required step's full id, for a table that needs no fixed widths (Markdown).</summary>
    public IReadOnlyList<GridCell> IdHeader =>
        [new("learner"), .. RequiredSteps(Board).Select(step => new GridCell(step.Step.Id)), new("progress"), .. OptionalCell(new GridCell("optional")), new("idle")];

    /// <summary>"#1 find-cluster  #2 take-snapshot …", then "opt (done/all): (#6) copy-snapshot …" when the board has optional steps.</summary>
    public string StepLegend
    {
        get
        {
            var legend = string.Join("  ", RequiredSteps(Board).Select(step => $"{StepNumber(step.Index)} {step.Step.Id}"));
            var optional = Board.Steps.Index().Where(step => step.Item.Optional).Select(step => $"{StepNumber(step.Index, optional: true)} {step.Item.Id}").ToList();
            return optional.Count == 0 ? legend : $"{legend}  {OptionalHeader} (done/all): {string.Join("  ", optional)}";
        }
    }

    /// <summary>"#3", or "(#3)" for an optional step.</summary>
    public static string StepNumber(int index, bool optional = false) => optional ? $"(#{index + 1})" : $"#{index + 1}";

    /// <summary>How many of the whole class (not only the filtered rows) passed each required step.</summary>
    public IReadOnlyList<GridCell> Summary =>
        [new(SummaryLabel(Board)), .. RequiredSteps(Board).Select(step => new GridCell(Board.PassedPerStep[step.Index].ToString(System.Globalization.CultureInfo.InvariantCulture), StepStatus.Passed)),
            new(""), .. OptionalCell(new GridCell("")), new($"{Board.Rows.Count(row => row.Activity.Stuck)} stuck")];

    /// <summary>A learner's line; idle times count to when the board was read.</summary>
    public IReadOnlyList<GridCell> CellsOf(LearnerRow row) =>
        [new(row.Learner.Key), .. RequiredSteps(Board).Select(step => row.Results[step.Index]).Select(result => new GridCell(StepCell(result), result.Status)),
            new(Progress(row)), .. OptionalCell(new GridCell(Optional(row))), new(Idle(row, Board.ReadAt))];

    /// <summary>How long since the learner's last activity ("12 min"), "stuck 12 min" when stuck, empty when unknown.</summary>
    public static string Idle(LearnerRow row, DateTimeOffset now) => row.Activity.LastActivity is { } last
        ? (row.Activity.Stuck ? "stuck " : "") + ClassText.Age(now - last)
        : row.Activity.Stuck ? "stuck" : "";

    /// <summary>The step's glyph, with the percent when RDS reports one ("◐ 45%").</summary>
    public static string StepCell(StepResult result) =>
        result.Percent is { } percent ? $"{result.Status.Glyph()} {percent}%" : result.Status.Glyph();

    /// <summary>"3/4" required steps passed, "not started", or why the learner's pass was refused ("expired", "tampered", "foreign-region", "invalid").</summary>
    public static string Progress(LearnerRow row) => row.Pass?.Refusal is { } refusal
        ? refusal.WireName()
        : row.Started ? $"{row.Passed}/{row.Total}" : "not started";

    /// <summary>"1/3" optional steps done; empty when the learner has not started or their pass was refused.</summary>
    public static string Optional(LearnerRow row) =>
        row.Pass?.Refusal is null && row.Started ? $"{row.Tally.OptionalPassed}/{row.Tally.Optional}" : "";

    private IReadOnlyList<GridCell> OptionalCell(GridCell cell) => HasOptional(Board) ? [cell] : [];

    private static bool HasOptional(ClassBoard board) => board.Steps.Any(step => step.Optional);

    /// <summary>The required steps with their place in the lab (and in each row's results).</summary>
    private static IEnumerable<(int Index, Step Step)> RequiredSteps(ClassBoard board) =>
        board.Steps.Index().Where(step => !step.Item.Optional).Select(step => (step.Index, step.Item));

    private static string SummaryLabel(ClassBoard board) => $"passed (of {board.Rows.Count})";

    private static bool Matches(LearnerRow row, string filter) =>
        filter.Length == 0 || row.Learner.Key.Contains(filter.Trim(), StringComparison.OrdinalIgnoreCase);
}
