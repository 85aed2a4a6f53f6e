namespace LabRunner.Engine.Targets;

public enum TargetKind
{
    /// <summary>LabRunner's local RDS emulator: the default; practice, nothing real.</summary>
    Sandbox,
    /// <summary>Real AWS, or any RDS-compatible endpoint given with <c>--endpoint</c>.</summary>
    Aws,
}
