using LabRunner.Rds;
using LabRunner.Rds.Model;

namespace LabRunner.Engine.State;

/// <summary>
/// One kind of RDS resource as the engine reads and holds it: its Describe (every page), each resource's identifier,
/// and its name in messages. Adding a kind is one <see cref="StateKind{T}"/> and its line in <see cref="StateKinds"/>.
/// </summary>
public abstract class StateKind(ResourceKind kind, string plural)
{
    /// <summary>RDS's largest page.</summary>
    public const int PageSize = 100;

    public ResourceKind Kind { get; } = kind;

    /// <summary>What the kind is called in messages ("DB clusters").</summary>
    public string Plural { get; } = plural;

    /// <summary>Whether <paramref name="resource"/> is of this kind.</summary>
    public abstract bool Holds(object resource);

    /// <summary>The resource's identifier, lower case as snapshots index it.</summary>
    public abstract string IdentifierOf(object resource);

    /// <summary>Every resource named in <paramref name="identifiers"/>, or every one when null; RDS failures are thrown.</summary>
    public abstract Task<IReadOnlyList<object>> ReadAsync(IRdsReadApi rds, IReadOnlyCollection<string>? identifiers, CancellationToken cancellationToken);

    /// <summary>A filter on the identifiers wanted; none when everything is wanted. A missing identifier is then simply absent, not a NotFound fault.</summary>
    protected static IReadOnlyList<Filter> IdFilter(string name, IReadOnlyCollection<string>? identifiers) =>
        identifiers is null ? [] : [new Filter(name, identifiers.Order(StringComparer.Ordinal).ToList())];
}

/// <summary>A kind whose resources are <typeparamref name="T"/>.</summary>
public abstract class StateKind<T>(ResourceKind kind, string plural) : StateKind(kind, plural) where T : class
{
    public override bool Holds(object resource) => resource is T;

    public override string IdentifierOf(object resource) => Identifier((T)resource).ToLowerInvariant();

    public override async Task<IReadOnlyList<object>> ReadAsync(IRdsReadApi rds, IReadOnlyCollection<string>? identifiers, CancellationToken cancellationToken) =>
        await DescribeAll(rds, identifiers, cancellationToken).ToListAsync(cancellationToken);

    /// <summary>The resources of this kind in <paramref name="state"/>.</summary>
    public IEnumerable<T> In(StateSnapshot state) => state.Resources(Kind).Values.Cast<T>();

    /// <summary>The resource of this kind named <paramref name="identifier"/> (lower case) in <paramref name="state"/>, or null.</summary>
    public T? Find(StateSnapshot state, string identifier) => state.Resources(Kind).GetValueOrDefault(identifier) as T;

    protected abstract string Identifier(T resource);

    protected abstract IAsyncEnumerable<T> DescribeAll(IRdsReadApi rds, IReadOnlyCollection<string>? identifiers, CancellationToken cancellationToken);
}
