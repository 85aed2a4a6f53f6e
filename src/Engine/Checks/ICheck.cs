using LabRunner.Content.Learners;
using LabRunner.Engine.Specs;
using LabRunner.Engine.State;

namespace LabRunner.Engine.Checks;

/// <summary>A check kind: turns a spec bound for one learner (parameters rendered and valid for their types) into a check.</summary>
public interface ICheckKind : IKind
{
    /// <summary>The resource kinds its checks read, whoever the learner: what a whole-class read must list.</summary>
    IReadOnlyList<ResourceKind> Reads { get; }

    ICheck Bind(BoundSpec spec);
}

/// <summary>
/// One check bound to one learner. It says what state it needs, then judges a snapshot in memory, so one read serves
/// every check of a lab and, for a class, every learner.
/// </summary>
public interface ICheck
{
    /// <summary>Adds the resources this check reads to <paramref name="query"/>.</summary>
    void AddTo(StateQuery query);

    /// <summary>Values to remember when the learner first opens the step, for checks that a value must change.</summary>
    IReadOnlyList<BaselineCapture> Baselines { get; }

    Verdict Judge(StateSnapshot state, BaselineLookup baselines);
}

/// <summary>A value a check compares against later: <paramref name="Key"/> names it in the progress file.</summary>
public sealed record BaselineCapture(string Key, Func<StateSnapshot, string?> Capture);

/// <summary>The value recorded under a baseline key, or null when none was recorded.</summary>
public delegate string? BaselineLookup(string key);
