using LabRunner.Content.Model;
using LabRunner.Engine.Checks;
using LabRunner.Engine.Specs;
using LabRunner.Engine.State;
using LabRunner.Rds;

namespace LabRunner.Engine.Class;

/// <summary>
/// A whole class on one lab: each refresh is one read of the account (every resource of the kinds the lab's checks
/// read, a page per hundred), then every learner judged in memory by the same plans and check kinds as
/// <c>labrunner check</c>. It only ever holds a <see cref="ReadOnlyRdsApi"/>: it cannot change anything in RDS.
/// Baselines are recorded the first time the class sees a learner's step, as a learner's own first check does.
/// One refresh at a time.
/// </summary>
public sealed class ClassRoom : IClassReader
{
    private readonly IReadOnlyList<ClassLearner> roster;
    private readonly LearnerDiscovery? discovery;
    private readonly ReadOnlyRdsApi rds;
    private readonly StateReader reader;
    private readonly StateQuery query;
    private readonly ClassJudge judge;

    /// <summary>How long without a change before an unfinished learner counts as stuck, unless told otherwise.</summary>
    public static readonly TimeSpan DefaultStuckAfter = TimeSpan.FromMinutes(10);

    /// <param name="roster">Learners named up front; they are shown, as not started, even with nothing in the account.</param>
    /// <param name="discover">Also show every learner whose resources are in the account.</param>
    /// <param name="stuckAfter">How long without a change before an unfinished learner counts as stuck (default <see cref="DefaultStuckAfter"/>).</param>
    /// <param name="optional">
    /// Also judge the lab's optional steps. Off by default: their reads may cost a request per resource (who a snapshot
    /// is shared with), which would break the class's budget of a few requests per hundred learners.
    /// </param>
    public ClassRoom(Lab lab, IReadOnlyList<ClassLearner> roster, bool discover, ReadOnlyRdsApi rds, KindRegistry<ICheckKind> checks, TimeProvider? time = null, TimeSpan? stuckAfter = null, bool optional = false)
    {
        judge = new ClassJudge(stuckAfter ?? DefaultStuckAfter, optional);
        Lab = ClassJudge.Scope(lab, optional);
        this.roster = roster;
        this.rds = rds;
        discovery = discover ? new LearnerDiscovery(Lab, checks) : null;
        reader = new StateReader(rds, time ?? TimeProvider.System);
        query = QueryFor(lab, checks, optional);
    }

    /// <summary>The lab as the board shows it: without its optional steps unless they were asked for.</summary>
    public Lab Lab { get; }

    /// <summary>
    /// Every resource of every kind the lab's checks read (the optional steps' only when asked for), whatever its
    /// name, and every cluster (their tags hold acknowledgements).
    /// </summary>
    public static StateQuery QueryFor(Lab lab, KindRegistry<ICheckKind> checks, bool optional = false) =>
        StateQuery.Everything(ClassJudge.Scope(lab, optional).Steps
            .SelectMany(step => step.Verify)
            .SelectMany(spec => checks.Find(spec.Kind)?.Reads ?? [])
            .Append(ResourceKind.Cluster)
            .Distinct()
            .ToArray());

    /// <summary>Reads the account once and judges everyone. A kind that cannot be read is in <see cref="ClassBoard.Failures"/>, not thrown.</summary>
    public async Task<ClassBoard> RefreshAsync(CancellationToken cancellationToken = default)
    {
        var requestsBefore = rds.Stats.Attempts;
        var state = await reader.ReadAsync(query, cancellationToken);
        var learners = Merge(roster, discovery?.Discover(state) ?? []);
        var rows = judge.JudgeAll(learners, state);
        return new ClassBoard(Lab, ClassBoard.InProgressOrder(rows), state.ReadAt, state.Failures, rds.Stats.Attempts - requestsBefore);
    }

    /// <summary>Roster learners in roster order, each marked when also found; then those only found.</summary>
    public static IReadOnlyList<ClassLearner> Merge(IReadOnlyList<ClassLearner> roster, IReadOnlyList<ClassLearner> discovered)
    {
        var found = discovered.Select(learner => learner.Key).ToHashSet(StringComparer.Ordinal);
        var named = roster.Select(learner => learner.Key).ToHashSet(StringComparer.Ordinal);
        return roster.Select(learner => found.Contains(learner.Key) ? learner.With(LearnerSources.Discovered) : learner)
            .Concat(discovered.Where(learner => !named.Contains(learner.Key)))
            .ToList();
    }
}
