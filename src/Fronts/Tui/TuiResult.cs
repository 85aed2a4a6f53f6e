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
/// <param name="Saved">The last lab the learner opened, whose progress is saved: what to tell them on the way out.</param>
public sealed record TuiResult(TuiEnd End, string? Message = null, SavedProgress? Saved = null)
{
    public static TuiResult Quit { get; } = new(TuiEnd.Quit);
}

/// <summary>Where a learner's progress in a lab is kept, and the values that open it again.</summary>
/// <param name="LabDirectory">The lab's folder.</param>
/// <param name="NameVariables">The variables naming the learner (e.g. yourname=alice): enough to resume, the rest is remembered.</param>
/// <param name="ProgressFile">The progress file.</param>
public sealed record SavedProgress(string LabTitle, string LabDirectory, IReadOnlyDictionary<string, string> NameVariables, string ProgressFile);
