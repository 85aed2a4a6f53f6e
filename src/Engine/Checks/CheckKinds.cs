using LabRunner.Engine.Specs;

namespace LabRunner.Engine.Checks;

public static class CheckKinds
{
    public static KindRegistry<ICheckKind> Default { get; } = new(
    [
        new DbClusterCheckKind(),
        new DbClusterSnapshotCheckKind(),
        new DbClusterSnapshotSharedCheckKind(),
    ]);
}
