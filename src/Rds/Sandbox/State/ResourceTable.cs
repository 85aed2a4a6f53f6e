using System.Collections;

namespace LabRunner.Sandbox.State;

/// <summary>
/// One account's resources of one kind, by lower-case identifier in identifier order. Every identifier it takes is
/// told to the kind's <see cref="IdentifierOwners"/>, shared by all accounts, so whether another account holds an
/// identifier is one lookup however many accounts there are (a class of thousands is seeded in linear time).
/// </summary>
public sealed class ResourceTable<TRecord>(IdentifierOwners owners) : SortedDictionary<string, TRecord>(StringComparer.Ordinal)
{
    public new void Add(string id, TRecord record)
    {
        base.Add(id, record);
        owners.Took(id, this);
    }

    public bool TryAdd(string id, TRecord record)
    {
        if (ContainsKey(id))
            return false;
        Add(id, record);
        return true;
    }

    public new TRecord this[string id]
    {
        get => base[id];
        set
        {
            base[id] = value;
            owners.Took(id, this);
        }
    }

    /// <summary>Whether another account's table of this kind holds <paramref name="id"/>.</summary>
    public bool HeldElsewhere(string id) => owners.HeldByAnother(id, this);
}

/// <summary>
/// Which table of one kind last took each identifier. Removals are not told, so an entry is only a lead, checked against
/// its table; it is enough because a table takes an identifier only when no other holds it, so the one holding it is
/// always the last that took it.
/// </summary>
public sealed class IdentifierOwners
{
    private readonly Dictionary<string, IDictionary> lastTaker = new(StringComparer.Ordinal);

    internal void Took(string id, IDictionary table) => lastTaker[id] = table;

    public bool HeldByAnother(string id, IDictionary asking) =>
        lastTaker.TryGetValue(id, out var taker) && !ReferenceEquals(taker, asking) && taker.Contains(id);
}

/// <summary>The identifier owners of each kind, shared by every account of one <see cref="AccountSet"/>.</summary>
public sealed record AccountIndex(IdentifierOwners Clusters, IdentifierOwners Instances, IdentifierOwners Snapshots)
{
    public static AccountIndex New() => new(new(), new(), new());
}
