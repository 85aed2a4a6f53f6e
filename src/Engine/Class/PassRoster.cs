using LabRunner.Content.Model;
using LabRunner.Engine.Checks;
using LabRunner.Engine.Passes;
using LabRunner.Engine.Specs;
using LabRunner.Rds;

namespace LabRunner.Engine.Class;

/// <summary>
/// The learners of a class read from passes: each pass bound to this lab with the values it carries (read-only, as a
/// roster's learners are), its reads answered by the replay it is given. A pass for another lab, with values that do
/// not fit the lab, or naming no endpoint becomes a problem naming where it came from; of several passes for one
/// learner the newest counts.
/// </summary>
public static class PassRoster
{
    public static (IReadOnlyList<ClassPass> Passes, IReadOnlyList<string> Problems) Bind(
        Lab lab, IEnumerable<ReadPass> passes, Func<IReadOnlyList<string>, IRdsReadApi> replay, KindRegistry<ICheckKind> checks)
    {
        var bound = new List<ClassPass>();
        var problems = new List<string>();
        foreach (var (source, pass) in passes)
        {
            if (pass.Lab != lab.Id)
            {
                problems.Add($"{source}: a pass for the lab '{pass.Lab}', not {lab.Id}");
                continue;
            }
            var binding = ClassLearner.Bind(lab, pass.Variables, checks);
            if (binding.Plan is not { } plan)
            {
                problems.Add($"{source}: its values do not fit the lab: {string.Join("; ", binding.VariableProblems.Append(binding.SpecProblem).OfType<string>())}");
                continue;
            }
            if (PassMaker.TargetOf(pass) is not { } target)
            {
                problems.Add($"{source}: its target's endpoint is not a URL");
                continue;
            }
            bound.Add(new ClassPass(source, new ClassLearner(plan, LearnerSources.None, null), replay(pass.Requests), target, pass.Created, pass.Expires));
        }
        return (ClassPass.NewestPerLearner(bound), problems);
    }

    /// <summary>With the built-in check kinds.</summary>
    public static (IReadOnlyList<ClassPass> Passes, IReadOnlyList<string> Problems) Bind(Lab lab, IEnumerable<ReadPass> passes, Func<IReadOnlyList<string>, IRdsReadApi> replay) =>
        Bind(lab, passes, replay, CheckKinds.Default);
}
