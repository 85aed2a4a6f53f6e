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

    /// <summary>The widest step cell, "◐ 100%"; a step's column is headed by its number, never by a cut id.</summary>
    private const int StepWidth = 6;

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
        return new ClassGridModel(board, rows, [nameWidth, .. board.Steps.Select(_ => StepWidth), "not started".Length]);
    }

    /// <summary>Steps are numbered as in the learner view, optional ones in parentheses; a learner's details (Enter) name each numbered step.</summary>
    public IReadOnlyList<GridCell> Header =>
        [new("learner"), .. Board.Steps.Select((step, index) => new GridCell(StepNumber(index, step.Optional))), new("progress")];

    /// <summary>The header with each step's full id, for a table that needs no fixed widths (Markdown).</summary>
    public IReadOnlyList<GridCell> IdHeader =>
        [new("learner"), .. Board.Steps.Select(step => new GridCell(step.Optional ? $"({step.Id})" : step.Id)), new("progress")];

    /// <summary>"#1 find-cluster  #2 take-snapshot … (#5) copy-snapshot": what each numbered column is, optional steps in parentheses.</summary>
    public string StepLegend
    {
        get
        {
            var legend = string.Join("  ", Board.Steps.Select((step, index) => $"{StepNumber(index, step.Optional)} {step.Id}"));
            return Board.Steps.Any(step => step.Optional) ? $"{legend}  (optional; progress +n/m counts them apart)" : legend;
        }
    }

    /// <summary>"#3", or "(#3)" for an optional step.</summary>
    public static string StepNumber(int index, bool optional) => optional ? $"(#{index + 1})" : $"#{index + 1}";

    /// <summary>How many of the whole class (not only the filtered rows) passed each step.</summary>
    public IReadOnlyList<GridCell> Summary =>
        [new(SummaryLabel(Board)), .. Board.PassedPerStep.Select(count => new GridCell(count.ToString(System.Globalization.CultureInfo.InvariantCulture), StepStatus.Passed)), new("")];

    public static IReadOnlyList<GridCell> CellsOf(LearnerRow row) =>
        [new(row.Learner.Key), .. row.Results.Select(result => new GridCell(StepCell(result), result.Status)), new(Progress(row))];

    /// <summary>The step's glyph, with the percent when RDS reports one ("◐ 45%").</summary>
    public static string StepCell(StepResult result) =>
        result.Percent is { } percent ? $"{result.Status.Glyph()} {percent}%" : result.Status.Glyph();

    /// <summary>"3/4" required steps passed, then "+1/2" optional steps done when the lab has any.</summary>
    public static string Progress(LearnerRow row)
    {
        if (!row.Started)
            return "not started";
        var tally = row.Tally;
        return tally.Optional == 0 ? $"{tally.Passed}/{tally.Checked}" : $"{tally.Passed}/{tally.Checked} +{tally.OptionalPassed}/{tally.Optional}";
    }

    private static string SummaryLabel(ClassBoard board) => $"passed (of {board.Rows.Count})";

    private static bool Matches(LearnerRow row, string filter) =>
        filter.Length == 0 || row.Learner.Key.Contains(filter.Trim(), StringComparison.OrdinalIgnoreCase);
}
