using LabRunner.Content.Learners;
using LabRunner.Engine.Progress;
using LabRunner.Engine.State;
using LabRunner.Engine.Steps;
using LabRunner.Rds.Model;

namespace LabRunner.Engine.Class;

/// <summary>
/// What the class view tells about a learner beyond their steps: the manual steps they acknowledged (tags on their
/// own clusters), when they last did something, and whether they look stuck.
/// </summary>
/// <param name="Acknowledged">Step id to acknowledgement time, read from the tags of the learner's own clusters.</param>
/// <param name="LastActivity">The latest of their resources' creation times, their acknowledgements and the last change the class view saw; null when none is known.</param>
/// <param name="Stuck">Started, not finished (every required checked step passed, every required manual one acknowledged), and for the stuck-after time neither any activity nor a chance to start (see <see cref="ReadyAt"/>).</param>
public sealed record LearnerActivity(IReadOnlyDictionary<string, DateTimeOffset> Acknowledged, DateTimeOffset? LastActivity, bool Stuck)
{
    /// <summary>The acknowledgements on the learner's own clusters (<paramref name="own"/>, from <see cref="OwnResources"/>).</summary>
    public static IReadOnlyDictionary<string, DateTimeOffset> AcknowledgementsOf(IEnumerable<object> own)
    {
        var acknowledged = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var cluster in own.OfType<DBCluster>())
            foreach (var (step, at) in AcknowledgementTags.Read(cluster.TagList))
                acknowledged[step] = acknowledged.TryGetValue(step, out var earlier) && earlier < at ? earlier : at;
        return acknowledged;
    }

    /// <summary>The latest creation time among the learner's own resources (<paramref name="own"/>, from <see cref="OwnResources"/>).</summary>
    public static DateTimeOffset? LatestResourceTime(IEnumerable<object> own) =>
        own.Select(resource => resource switch
        {
            DBCluster cluster => cluster.ClusterCreateTime,
            DBClusterSnapshot snapshot => snapshot.SnapshotCreateTime,
            DBInstance instance => instance.InstanceCreateTime,
            _ => null,
        }).Max();

    /// <summary>
    /// The latest time the learner was given their starting resources or joined the class, as a class sandbox tags
    /// their clusters (<see cref="LearnerTags.Seeded"/>, <see cref="LearnerTags.Joined"/>); null when untagged. Starting
    /// resources are made looking a day old, so without this everyone would look stuck the moment a class starts.
    /// </summary>
    public static DateTimeOffset? ReadyAt(IEnumerable<object> own) =>
        own.OfType<DBCluster>()
            .SelectMany(cluster => cluster.TagList)
            .Where(tag => tag.Key is LearnerTags.Seeded or LearnerTags.Joined)
            .Select(tag => LearnerTags.TimeOf(tag.Value))
            .Max();

    /// <summary>Every required step done: checked ones passed, manual ones acknowledged (optional steps never keep a learner unfinished).</summary>
    public static bool Finished(IEnumerable<StepResult> results) =>
        results.All(result => result.Done);

    /// <summary>The learner's own resources (named from their name alone) in <paramref name="state"/>, each looked up by identifier in every kind.</summary>
    public static IReadOnlyList<object> OwnResources(ClassLearner learner, StateSnapshot state)
    {
        var own = new List<object>();
        foreach (var identifier in learner.Learner.OwnIdentifiers)
            foreach (var kind in StateKinds.All)
                if (state.Resources(kind.Kind).GetValueOrDefault(identifier) is { } resource)
                    own.Add(resource);
        return own;
    }
}
