namespace LabRunner.Tui.Running;

public enum StepActivityKind
{
    Checking,
    Performing,
    /// <summary>Polling until the step settles (a snapshot creating).</summary>
    Waiting,
}

/// <summary>What LabRunner is doing on a step right now, in the background.</summary>
public sealed record StepActivity(StepActivityKind Kind, DateTimeOffset Since);
