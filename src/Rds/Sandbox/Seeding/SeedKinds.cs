using LabRunner.Sandbox.Operations;

namespace LabRunner.Sandbox.Seeding;

/// <summary>Every fixture kind the sandbox creates, in one place.</summary>
public static class SeedKinds
{
    public static IReadOnlyList<ISeedKind> For(SandboxServices services) =>
    [
        new DbClusterSeed(services),
    ];
}
