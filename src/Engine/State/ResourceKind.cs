namespace LabRunner.Engine.State;

/// <summary>
/// A kind of RDS resource checks read (<c>cluster</c>), one Describe call (paginated) per kind per evaluation. Each kind
/// declares its own name beside how it is read (see <see cref="StateKinds"/>).
/// </summary>
public readonly partial record struct ResourceKind(string Name) : IComparable<ResourceKind>
{
    public int CompareTo(ResourceKind other) => string.CompareOrdinal(Name, other.Name);

    public override string ToString() => Name;

    public static bool operator <(ResourceKind left, ResourceKind right) => left.CompareTo(right) < 0;
    public static bool operator <=(ResourceKind left, ResourceKind right) => left.CompareTo(right) <= 0;
    public static bool operator >(ResourceKind left, ResourceKind right) => left.CompareTo(right) > 0;
    public static bool operator >=(ResourceKind left, ResourceKind right) => left.CompareTo(right) >= 0;
}
