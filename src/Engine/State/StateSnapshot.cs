using LabRunner.Rds;

namespace LabRunner.Engine.State;

/// <summary>
/// The RDS state read for one evaluation, by kind and identifier; checks judge it in memory. A kind whose Describe failed
/// carries the failure instead, so checks needing it report an error while the others still judge. Each kind's typed
/// view (<c>state.Cluster(id)</c>) comes with the kind (see <see cref="StateKinds"/>).
/// </summary>
public sealed class StateSnapshot
{
    private static readonly IReadOnlyDictionary<string, object> None = new Dictionary<string, object>();
    private readonly Dictionary<ResourceKind, Dictionary<string, object>> resources = [];
    private readonly IReadOnlyDictionary<ResourceKind, RdsException> failures;

    /// <param name="resources">Resources of any kinds the engine reads, each filed under its kind.</param>
    public StateSnapshot(DateTimeOffset readAt, IEnumerable<object>? resources = null, IReadOnlyDictionary<ResourceKind, RdsException>? failures = null)
    {
        ReadAt = readAt;
        foreach (var resource in resources ?? [])
        {
            var kind = StateKinds.Holding(resource);
            if (!this.resources.TryGetValue(kind.Kind, out var ofKind))
                this.resources[kind.Kind] = ofKind = new Dictionary<string, object>(StringComparer.Ordinal);
            ofKind[kind.IdentifierOf(resource)] = resource;
        }
        this.failures = failures ?? new Dictionary<ResourceKind, RdsException>();
    }

    public DateTimeOffset ReadAt { get; }

    /// <summary>The resources of <paramref name="kind"/> by lower-case identifier.</summary>
    public IReadOnlyDictionary<string, object> Resources(ResourceKind kind) => resources.TryGetValue(kind, out var ofKind) ? ofKind : None;

    /// <summary>Every resource of every kind, with its kind and lower-case identifier.</summary>
    public IEnumerable<(ResourceKind Kind, string Identifier)> Identifiers =>
        resources.SelectMany(ofKind => ofKind.Value.Keys.Select(identifier => (ofKind.Key, identifier)));

    /// <summary>Whether a resource of any kind is named <paramref name="identifier"/> (lower case).</summary>
    public bool Holds(string identifier) => resources.Values.Any(ofKind => ofKind.ContainsKey(identifier));

    /// <summary>Why <paramref name="kind"/> could not be read, or null when it was.</summary>
    public RdsException? Failure(ResourceKind kind) => failures.GetValueOrDefault(kind);

    public IReadOnlyDictionary<ResourceKind, RdsException> Failures => failures;
}
