namespace LabRunner.Engine.State;

/// <summary>
/// What to read: for each resource kind either the identifiers the checks name (one learner) or everything
/// (a whole class, judged per learner afterwards). Kinds no check needs are not read at all.
/// </summary>
public sealed class StateQuery
{
    private readonly Dictionary<ResourceKind, HashSet<string>?> wanted = [];

    /// <summary>Every resource of every kind any check asks for, whatever its identifier.</summary>
    public bool ReadsEverything { get; private init; }

    public static StateQuery Everything(params ResourceKind[] kinds)
    {
        var query = new StateQuery { ReadsEverything = true };
        foreach (var kind in kinds)
            query.wanted[kind] = null;
        return query;
    }

    /// <summary>Asks for one resource (its identifier already normalised).</summary>
    public StateQuery Want(ResourceKind kind, string identifier)
    {
        if (ReadsEverything)
        {
            wanted.TryAdd(kind, null);
            return this;
        }
        if (!wanted.TryGetValue(kind, out var identifiers) || identifiers is null)
            wanted[kind] = identifiers = new HashSet<string>(StringComparer.Ordinal);
        identifiers.Add(identifier);
        return this;
    }

    public IEnumerable<ResourceKind> Kinds => wanted.Keys;

    /// <summary>The identifiers wanted of <paramref name="kind"/>, or null for all of them.</summary>
    public IReadOnlyCollection<string>? Identifiers(ResourceKind kind) => wanted.TryGetValue(kind, out var identifiers) ? identifiers : [];
}
