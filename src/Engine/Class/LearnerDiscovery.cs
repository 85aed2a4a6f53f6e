using LabRunner.Content.Model;
using LabRunner.Engine.Checks;
using LabRunner.Engine.Specs;
using LabRunner.Engine.State;

namespace LabRunner.Engine.Class;

/// <summary>
/// Finds a class's learners in the account by inverting the lab's resource templates: a cluster named
/// <c>aurora-alice-cluster</c> under <c>cluster: aurora-{yourname}-cluster</c> is learner <c>alice</c>. A name counts
/// only when the recovered values pass the learner binding (patterns, identifier rules, defaults for the rest) and the
/// learner's own checks would read that very resource as that kind; anything else in the account is ignored.
/// A learner bound once is kept while their resources stay, so a live class view binds only newcomers. One discovery
/// at a time.
/// </summary>
public sealed class LearnerDiscovery(Lab lab, KindRegistry<ICheckKind> checks)
{
    private readonly IReadOnlyList<ResourceNamePattern> patterns = lab.Resources.Select(ResourceNamePattern.For).OfType<ResourceNamePattern>().ToList();

    /// <summary>The candidates of the last discovery, by the values their names gave; null where the values made no learner.</summary>
    private Dictionary<string, Candidate?> known = new(StringComparer.Ordinal);

    /// <summary>Every learner whose resources are in <paramref name="state"/>, by key.</summary>
    public IReadOnlyList<ClassLearner> Discover(StateSnapshot state)
    {
        var matches = new List<(ResourceKind Kind, string Identifier, string Key)>();
        var valuesByKey = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var (kind, identifier) in state.Identifiers.OrderBy(resource => resource.Kind).ThenBy(resource => resource.Identifier, StringComparer.Ordinal))
        {
            foreach (var pattern in patterns)
            {
                if (pattern.Match(identifier) is not { } values)
                    continue;
                var key = string.Join("\n", values.OrderBy(value => value.Key, StringComparer.Ordinal).Select(value => $"{value.Key}={value.Value}"));
                valuesByKey.TryAdd(key, values);
                matches.Add((kind, identifier, key));
            }
        }
        // Binding a candidate is most of the work for a class of thousands, and each is on its own.
        var keys = valuesByKey.Keys.ToList();
        var bound = new Candidate?[keys.Count];
        Parallel.For(0, keys.Count, index => bound[index] = known.TryGetValue(keys[index], out var candidate) ? candidate : Candidate.Of(lab, valuesByKey[keys[index]], checks));
        var candidates = keys.Zip(bound).ToDictionary(pair => pair.First, pair => pair.Second, StringComparer.Ordinal);
        known = candidates;
        var found = new SortedDictionary<string, ClassLearner>(StringComparer.Ordinal);
        foreach (var (kind, identifier, key) in matches)
        {
            if (candidates[key] is { } candidate && candidate.Reads(kind, identifier))
                found.TryAdd(candidate.Learner.Key, candidate.Learner);
        }
        return found.Values.ToList();
    }

    /// <summary>A learner recovered from one resource name, with the state their checks read.</summary>
    private sealed class Candidate(ClassLearner learner, StateQuery reads)
    {
        public ClassLearner Learner { get; } = learner;

        public bool Reads(ResourceKind kind, string identifier) => reads.Identifiers(kind)?.Contains(identifier) == true;

        /// <summary>Null when the values do not make a valid learner of the lab.</summary>
        public static Candidate? Of(Lab lab, IReadOnlyDictionary<string, string> values, KindRegistry<ICheckKind> checks)
        {
            if (ClassLearner.Bind(lab, values, checks).Plan is not { } plan)
                return null;
            return new Candidate(new ClassLearner(plan, LearnerSources.Discovered, rosterLine: null), plan.Query());
        }
    }
}
