namespace LabRunner.Engine.Specs;

/// <summary>The kinds of one family (checks or actions) by name. Adding a kind is adding it here and to labs/lab.schema.json.</summary>
public sealed class KindRegistry<TKind> where TKind : IKind
{
    private readonly Dictionary<string, TKind> kinds = new(StringComparer.Ordinal);

    public KindRegistry(IEnumerable<TKind> kinds)
    {
        foreach (var kind in kinds)
            if (!this.kinds.TryAdd(kind.Name, kind))
                throw new ArgumentException($"Two kinds are named '{kind.Name}'.", nameof(kinds));
    }

    public IReadOnlyCollection<TKind> All => kinds.Values;

    public TKind? Find(string name) => kinds.GetValueOrDefault(name);
}
