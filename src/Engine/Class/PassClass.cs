using LabRunner.Content.Model;
using LabRunner.Engine.State;
using LabRunner.Engine.Targets;
using LabRunner.Rds;
using LabRunner.Rds.Passes;

namespace LabRunner.Engine.Class;

/// <summary>A learner's pass as the class read it.</summary>
/// <param name="Source">Where the pass came from (<c>passes/alice.json</c>, <c>chat.txt:3</c>).</param>
/// <param name="Refusal">Why it was refused; null when replayed.</param>
/// <param name="Problem">The refusal in words; null when replayed.</param>
/// <param name="Target">Where the learner works, as the pass says: their own check's target.</param>
public sealed record LearnerPass(string Source, PassRefusal? Refusal, string? Problem, TargetInfo Target, DateTimeOffset Expires)
{
    /// <summary><c>replayed</c>, or the refusal: <c>expired</c>, <c>tampered</c>, <c>foreign-region</c>, <c>invalid</c>.</summary>
    public string StatusText => Refusal?.WireName() ?? "replayed";
}

/// <summary>One learner of a class read from passes: their read-only plan, and reads answered by their pass alone.</summary>
public sealed record ClassPass(string Source, ClassLearner Learner, IRdsReadApi Reads, TargetInfo Target, DateTimeOffset Created, DateTimeOffset Expires)
{
    /// <summary>One pass per learner: the newest of several for the same learner, then in the order given.</summary>
    public static IReadOnlyList<ClassPass> NewestPerLearner(IEnumerable<ClassPass> passes) =>
        passes.GroupBy(pass => pass.Learner.Key, StringComparer.Ordinal)
            .Select(group => group.MaxBy(pass => pass.Created)!)
            .ToList();
}

/// <summary>
/// A class spread over many accounts, read from the learners' progress passes: each learner's state is read through
/// their own pass (the very Describe calls their <c>check</c> sends, replayed with no credentials of the class's own),
/// then judged by the same plans, check kinds and baselines as <see cref="ClassRoom"/>. A pass that is expired,
/// tampered with, made in another region or not replayable marks its row; it never stops the others.
/// </summary>
/// <param name="optional">Also judge the lab's optional steps, as <see cref="ClassRoom"/> does when asked. Either way a learner is read with exactly the requests their pass holds.</param>
public sealed class PassClass(Lab lab, IReadOnlyList<ClassPass> passes, RdsCallStats stats, TimeProvider? time = null, TimeSpan? stuckAfter = null, bool optional = false) : IClassReader
{
    /// <summary>Learners read at once: enough to hide the network's latency, few enough to stay polite to RDS.</summary>
    public const int Concurrency = 16;

    private readonly TimeProvider time = time ?? TimeProvider.System;
    private readonly ClassJudge judge = new(stuckAfter ?? ClassRoom.DefaultStuckAfter, optional);

    public Lab Lab { get; } = ClassJudge.Scope(lab, optional);

    public async Task<ClassBoard> RefreshAsync(CancellationToken cancellationToken = default)
    {
        var requestsBefore = stats.Attempts;
        var states = new StateSnapshot[passes.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, passes.Count), new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken },
            async (index, token) => states[index] = await new StateReader(passes[index].Reads, time).ReadAsync(passes[index].Learner.Plan.Query(), token));
        var rows = passes.Select((pass, index) => judge.Judge(pass.Learner, states[index], PassOf(pass, states[index]))).ToList();
        return new ClassBoard(Lab, ClassBoard.InProgressOrder(rows), time.GetUtcNow(), new Dictionary<ResourceKind, RdsException>(), stats.Attempts - requestsBefore);
    }

    private static LearnerPass PassOf(ClassPass pass, StateSnapshot state) =>
        state.Failures.Values.OfType<PassRefusedException>().FirstOrDefault() is { } refused
            ? new LearnerPass(pass.Source, refused.Refusal, refused.Message, pass.Target, pass.Expires)
            : new LearnerPass(pass.Source, null, null, pass.Target, pass.Expires);
}
