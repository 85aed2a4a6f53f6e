using LabRunner.Engine.Specs;

namespace LabRunner.Engine.Actions;

public static class ActionKinds
{
    public static KindRegistry<IActionKind> Default { get; } = new(
    [
        new CreateDbClusterSnapshotActionKind(),
        new ModifyDbClusterActionKind(),
        new DeleteDbClusterSnapshotActionKind(),
        new CopyDbClusterSnapshotActionKind(),
        new ShareDbClusterSnapshotActionKind(),
        new RestoreDbClusterFromSnapshotActionKind(),
        new DeleteDbClusterActionKind(),
    ]);
}
