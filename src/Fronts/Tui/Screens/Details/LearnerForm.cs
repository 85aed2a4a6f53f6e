using LabRunner.Content.Learners;
using LabRunner.Content.Model;
using LabRunner.Engine.Learners;

namespace LabRunner.Tui.Screens.Details;

/// <summary>
/// The learner's values as typed so far, judged on every keystroke: the problems to fix, or the resource names the
/// values yield ("cluster: aurora-alice-cluster"). A value left empty is only a problem once the learner typed in it
/// or tried to go on: nothing is shown as wrong before anything is typed.
/// </summary>
public sealed class LearnerForm(Lab lab)
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);
    private readonly HashSet<string> touched = new(StringComparer.Ordinal);
    private IReadOnlyList<MaintenanceWindowFact> maintenanceWindows = [];
    private IReadOnlyList<string> clusterProblems = [];

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
        if (values.GetValueOrDefault(variable) != value)
            touched.Add(variable);
        values[variable] = value;
        Judge();
    }

    /// <summary>The clusters' maintenance windows, once known: a backup window must also keep clear of its cluster's.</summary>
    public void Know(IReadOnlyList<MaintenanceWindowFact> facts)
    {
        maintenanceWindows = facts;
        Judge();
    }

    /// <summary>The learner tried to go on: empty values count as problems from now on.</summary>
    public void ShowEveryProblem() => touched.UnionWith(lab.Variables.Select(variable => variable.Name));

    public bool IsValid => Binding.Succeeded && clusterProblems.Count == 0;

    /// <summary>What to fix: each empty value first, then what the binding found wrong with the values given.</summary>
    public IReadOnlyList<string> Problems => EmptyVariables.Count > 0 ? EmptyVariables.Select(MissingValue).ToList() : [.. Binding.Problems, .. clusterProblems];

    /// <summary>The problems to show now: none about a value still empty that the learner has not touched.</summary>
    public IReadOnlyList<string> ShownProblems =>
        EmptyVariables.Count > 0 ? EmptyVariables.Where(variable => touched.Contains(variable.Name)).Select(MissingValue).ToList() : Problems;

    private List<LabVariable> EmptyVariables => lab.Variables.Where(variable => string.IsNullOrEmpty(values.GetValueOrDefault(variable.Name))).ToList();

    private static string MissingValue(LabVariable variable) => $"{variable.Name}: type a value";

    private void Judge()
    {
        Binding = LearnerBinding.Bind(lab, values);
        clusterProblems = Binding.Learner is { } learner
            ? maintenanceWindows
                .Where(fact => RdsIdentifier.Normalize(learner.Values.RenderLenient(fact.ClusterTemplate)) == fact.Cluster)
                .Select(fact => BackupWindowRules.Problem(learner.Variables[fact.Variable], fact.MaintenanceWindow) is { } problem ? $"{fact.Variable}: {problem}" : null)
                .OfType<string>()
                .ToList()
            : [];
    }
}
