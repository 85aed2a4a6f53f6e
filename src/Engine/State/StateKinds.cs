using LabRunner.Engine.State.Kinds;

namespace LabRunner.Engine.State;

/// <summary>Every resource kind the engine reads, in one place.</summary>
public static class StateKinds
{
    public static IReadOnlyList<StateKind> All { get; } =
    [
        DbClusters.Default,
        DbInstances.Default,
        DbClusterSnapshots.Default,
        DbClusterSnapshotSharing.Default,
    ];

    public static StateKind Of(ResourceKind kind) =>
        All.FirstOrDefault(known => known.Kind == kind) ?? throw new ArgumentException($"No resource kind is named '{kind}'.", nameof(kind));

    /// <summary>The kind <paramref name="resource"/> is of.</summary>
    public static StateKind Holding(object resource) =>
        All.FirstOrDefault(known => known.Holds(resource)) ?? throw new ArgumentException($"{resource.GetType().Name} is no resource kind the engine reads.", nameof(resource));
}
