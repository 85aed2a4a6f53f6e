using LabRunner.Content.Learners;
using LabRunner.Content.Model;

namespace LabRunner.Tui.Screens.Details;

/// <summary>
/// The learner's values as typed so far, judged on every keystroke: the problems to fix, or the resource names the
/// values yield ("cluster: aurora-alice-cluster").
/// </summary>
public sealed class LearnerForm(Lab lab)
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

    public Lab Lab => lab;

    public IReadOnlyDictionary<string, string> Values => values;

    public LearnerBindingResult Binding { get; private set; } = LearnerBinding.Bind(lab, new Dictionary<string, string>());

    /// <summary>Starts from remembered values (and the lab's defaults for the rest).</summary>
    public void Fill(IReadOnlyDictionary<string, string> initial)
    {
        foreach (var variable in lab.Variables)
            values[variable.Name] = initial.TryGetValue(variable.Name, out var value) ? value : variable.Default ?? "";
        Judge();
    }

    public void Set(string variable, string value)
    {
        values[variable] = value;
        Judge();
    }

    public bool IsValid => Binding.Succeeded;

    /// <summary>What to fix: each empty value first, then what the binding found wrong with the values given.</summary>
    public IReadOnlyList<string> Problems
    {
        get
        {
            var empty = lab.Variables.Where(variable => string.IsNullOrEmpty(values.GetValueOrDefault(variable.Name))).ToList();
            return empty.Count > 0 ? empty.Select(variable => $"{variable.Name}: type a value").ToList() : Binding.Problems;
        }
    }

    private void Judge() => Binding = LearnerBinding.Bind(lab, values);
}
