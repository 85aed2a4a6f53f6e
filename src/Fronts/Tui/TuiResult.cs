namespace LabRunner.Tui;

public enum TuiEnd
{
    /// <summary>The learner quit (progress is saved).</summary>
    Quit,
    /// <summary>What the command line asked for cannot be done (no such lab, an invalid lab); nothing was run.</summary>
    UsageError,
    /// <summary>The target could not be reached or prepared and the learner gave up retrying.</summary>
    TargetError,
}

/// <summary>How the TUI ended, with a message for the terminal once the screen is restored.</summary>
public sealed record TuiResult(TuiEnd End, string? Message = null)
{
    public static TuiResult Quit { get; } = new(TuiEnd.Quit);
}
