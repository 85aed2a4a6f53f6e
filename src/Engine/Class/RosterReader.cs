using CsvHelper;
using LabRunner.Content.Files;
using LabRunner.Content.Model;
using LabRunner.Engine.Checks;
using LabRunner.Engine.Specs;

namespace LabRunner.Engine.Class;

/// <summary>The learners a roster names, in file order, or the problems that keep it from being used (each <c>file:line:col: …</c>).</summary>
public sealed record RosterLoad(IReadOnlyList<ClassLearner> Learners, IReadOnlyList<string> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>
/// Reads a class roster. Either one learner a line (the value of the lab's one name variable, e.g. <c>yourname</c>), or a
/// CSV whose first line names lab variables (<c>yourname,backup_window</c>), so other per-learner values come along;
/// an empty cell takes the variable's default. Blank lines and lines starting with <c>#</c> are skipped. Every learner is
/// validated as <c>--var</c> values are; every problem is reported with its line, and none of the roster is used then.
/// </summary>
public static class RosterReader
{
    private const char CommentPrefix = '#';

    /// <param name="path">The roster file, named in messages as given.</param>
    public static RosterLoad Read(Lab lab, string path, KindRegistry<ICheckKind> checks)
    {
        var file = TextFileReader.Read(path, path);
        if (file.Text is not { } text)
            return Failed(file.Problem!.Location, file.Problem.Message);
        List<(int Line, string[] Fields)> records;
        try
        {
            records = Records(text.Text);
        }
        catch (CsvFormatException malformed)
        {
            return Failed(new SourceSpan(path, (int)Math.Max(1, malformed.LineNumber), 1), $"not a valid CSV line: {malformed.Message}");
        }
        if (records.Count == 0)
            return Failed(text.Start, "the roster names no learners (one learner a line, or a CSV with a header of variable names)");
        var layout = Layout(lab, path, records[0]);
        if (layout.Problem is not null)
            return Failed(new SourceSpan(path, records[0].Line, 1), layout.Problem);
        var roster = Bind(lab, path, checks, layout.Columns!, layout.HasHeader ? records.Skip(1) : records);
        return roster is { Succeeded: true, Learners.Count: 0 } ? Failed(text.Start, "the roster has a header but names no learners") : roster;
    }

    private static RosterLoad Failed(SourceSpan where, string problem) => new([], [$"{where}: {problem}"]);

    private static List<(int Line, string[] Fields)> Records(string text)
    {
        var options = new CsvReaderOptions
        {
            HasHeader = false,
            Separator = ',',
            DetectSeparatorHint = false,
            CommentPrefix = CommentPrefix,
            SkipEmptyLines = true,
            TrimWhitespace = true,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Throw,
        };
        var records = new List<(int, string[])>();
        using var reader = CsvReader.FromText(text, options);
        while (reader.Read())
        {
            var fields = Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray();
            if (fields.Any(field => field.Length > 0))
                records.Add(((int)reader.LineNumber, fields));
        }
        return records;
    }

    private sealed record RosterLayout(IReadOnlyList<LabVariable>? Columns, bool HasHeader, string? Problem);

    /// <summary>A first line that names lab variables is a CSV header; otherwise each line is a learner's name.</summary>
    private static RosterLayout Layout(Lab lab, string path, (int Line, string[] Fields) first)
    {
        var named = first.Fields.Select(field => Variable(lab, field)).ToList();
        if (named.All(variable => variable is not null))
        {
            var repeated = named.GroupBy(variable => variable!.Name).FirstOrDefault(group => group.Count() > 1);
            return repeated is null
                ? new RosterLayout(named!, HasHeader: true, null)
                : new RosterLayout(null, true, $"the header names variable '{repeated.Key}' twice");
        }
        if (first.Fields.Length > 1)
        {
            var unknown = first.Fields.Where((_, index) => named[index] is null);
            return new RosterLayout(null, true,
                $"a CSV roster's first line names the lab's variables ({VariableList(lab)}); lab {lab.Id} has no variable {string.Join(", ", unknown.Select(name => $"'{name}'"))}");
        }
        var nameVariables = lab.NameVariables;
        return nameVariables.Count == 1
            ? new RosterLayout(nameVariables, HasHeader: false, null)
            : new RosterLayout(null, false,
                $"a roster of one name a line needs a lab with one name variable, and lab {lab.Id} has {nameVariables.Count}: start the file with a header naming the columns ({VariableList(lab)})");
    }

    private static RosterLoad Bind(Lab lab, string path, KindRegistry<ICheckKind> checks, IReadOnlyList<LabVariable> columns, IEnumerable<(int Line, string[] Fields)> records)
    {
        var learners = new List<ClassLearner>();
        var problems = new List<string>();
        var firstLineOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, fields) in records)
        {
            var where = new SourceSpan(path, line, 1);
            if (fields.Length != columns.Count)
            {
                problems.Add($"{where}: {fields.Length} value{(fields.Length == 1 ? "" : "s")}, expected {columns.Count} ({string.Join(", ", columns.Select(column => column.Name))})");
                continue;
            }
            var values = columns.Zip(fields)
                .Where(cell => cell.Second.Length > 0)
                .ToDictionary(cell => cell.First.Name, cell => cell.Second, StringComparer.Ordinal);
            var binding = ClassLearner.Bind(lab, values, checks);
            if (binding.Plan is not { } plan)
            {
                problems.Add(binding.SpecProblem is { } spec
                    ? $"{where}: this learner's values do not fit the lab: {spec}"
                    : $"{where}: {string.Join("; ", binding.VariableProblems)}");
                continue;
            }
            var learner = new ClassLearner(plan, LearnerSources.Roster, where);
            if (firstLineOf.TryGetValue(learner.Key, out var earlier))
                problems.Add($"{where}: learner {learner.Key} is already on the roster at line {earlier}");
            else
            {
                firstLineOf[learner.Key] = line;
                learners.Add(learner);
            }
        }
        return problems.Count == 0 ? new RosterLoad(learners, []) : new RosterLoad([], problems);
    }

    private static LabVariable? Variable(Lab lab, string name) =>
        lab.Variables.FirstOrDefault(variable => PlaceholderKey.Of(variable.Name) == PlaceholderKey.Of(name));

    private static string VariableList(Lab lab) => string.Join(", ", lab.Variables.Select(variable => variable.Name));
}
