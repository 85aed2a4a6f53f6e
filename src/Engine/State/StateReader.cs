using LabRunner.Rds;

namespace LabRunner.Engine.State;

/// <summary>
/// Reads what a <see cref="StateQuery"/> asks for with one paginated Describe per resource kind (<see cref="StateKinds"/>):
/// filtered by identifier for one learner, unfiltered for a whole account.
/// </summary>
public sealed class StateReader(IRdsReadApi rds, TimeProvider time)
{
    /// <summary>Reads each kind the query names, the kinds concurrently; a kind that fails is recorded in the snapshot, not thrown.</summary>
    public async Task<StateSnapshot> ReadAsync(StateQuery query, CancellationToken cancellationToken = default)
    {
        var reads = StateKinds.All.Select(kind => (kind.Kind, Read: ReadKindAsync(kind, query, cancellationToken))).ToList();
        await Task.WhenAll(reads.Select(read => read.Read));
        var failures = reads
            .Where(read => read.Read.Result.Failure is not null)
            .ToDictionary(read => read.Kind, read => read.Read.Result.Failure!);
        return new StateSnapshot(time.GetUtcNow(), reads.SelectMany(read => read.Read.Result.Items), failures);
    }

    private async Task<(IReadOnlyList<object> Items, RdsException? Failure)> ReadKindAsync(StateKind kind, StateQuery query, CancellationToken cancellationToken)
    {
        if (!query.Kinds.Contains(kind.Kind) || query.Identifiers(kind.Kind) is { Count: 0 })
            return ([], null);
        try
        {
            return (await kind.ReadAsync(rds, query.Identifiers(kind.Kind), cancellationToken), null);
        }
        catch (RdsException failure)
        {
            return ([], failure);
        }
    }
}
