using LabRunner.Engine.Class;
using LabRunner.Engine.Steps;

namespace LabRunner.Tui.Class;

/// <summary>One cell of the class grid: its text and, for a step, the status that colours it.</summary>
public sealed record GridCell(string Text, StepStatus? Status = null);

/// <summary>
/// What the class grid shows, worked out from a board and the name filter without any drawing: the columns
/// (learner, one per step, progress) with their widths, the header and summary lines, and the learners' rows.
/// </summary>
public sealed class ClassGridModel
{
    private const int MaxNameWidth = 24;
    private const int MinStepWidth = 4;
    private const int MaxStepWidth = 12;

    private ClassGridModel(ClassBoard board, IReadOnlyList<LearnerRow> rows, IReadOnlyList<int> widths)
    {
        Board = board;
        Rows = rows;
        Widths = widths;
    }

    public ClassBoard Board { get; }

    /// <summary>The learners whose name holds the filter, in the board's order (least progress first).</summary>
    public IReadOnlyList<LearnerRow> Rows { get; }

    /// <summary>Column widths: the learner, each step, the progress.</summary>
    public IReadOnlyList<int> Widths { get; }

    public static ClassGridModel Of(ClassBoard board, string filter)
    {
        var rows = board.Rows.Where(row => Matches(row, filter)).ToList();
        var nameWidth = Math.Clamp(board.Rows.Select(row => row.Learner.Key.Length).Append(SummaryLabel(board).Length).Max(), "learner".Length, MaxNameWidth);
        var stepWidths = board.Steps.Select(step => Math.Clamp(step.Id.Length, MinStepWidth, MaxStepWidth));
        return new ClassGridModel(board, rows, [nameWidth, .. stepWidths, "not started".Length]);
    }

    public IReadOnlyList<GridCell> Header =>
        [new("learner"), .. Board.Steps.Select(step => new GridCell(step.Id)), new("progress")];

    /// <summary>How many of the whole class (not only the filtered rows) passed each step.</summary>
    public IReadOnlyList<GridCell> Summary =>
        [new(SummaryLabel(Board)), .. Board.PassedPerStep.Select(count => new GridCell(count.ToString(System.Globalization.CultureInfo.InvariantCulture), StepStatus.Passed)), new("")];

    public static IReadOnlyList<GridCell> CellsOf(LearnerRow row) =>
        [new(row.Learner.Key), .. row.Results.Select(result => new GridCell(StepCell(result), result.Status)), new(Progress(row))];

    /// <summary>The step's glyph, with the percent when RDS reports one ("◐ 45%").</summary>
    public static string StepCell(StepResult result) =>
        result.Percent is { } percent ? $"{result.Status.Glyph()} {percent}%" : result.Status.Glyph();

    public static string Progress(LearnerRow row) => row.Started ? $"{row.Passed}/{row.Total}" : "not started";

    private static string SummaryLabel(ClassBoard board) => $"passed (of {board.Rows.Count})";

    private static bool Matches(LearnerRow row, string filter) =>
        filter.Length == 0 || row.Learner.Key.Contains(filter.Trim(), StringComparison.OrdinalIgnoreCase);
}
