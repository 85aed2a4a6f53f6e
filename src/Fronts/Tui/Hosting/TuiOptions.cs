using LabRunner.Engine.Targets;
using LabRunner.Tui.Theme;

namespace LabRunner.Tui.Hosting;

/// <summary>Everything the TUI needs from the command that starts it.</summary>
public sealed record TuiOptions
{
    /// <summary>Folders whose sub-folders are labs (each with a lab.yaml), in the order the picker lists them.</summary>
    public required IReadOnlyList<string> LabFolders { get; init; }

    /// <summary>A lab to open at once, skipping the picker: a lab folder, or the id of a lab in <see cref="LabFolders"/>.</summary>
    public string? Lab { get; init; }

    /// <summary>Variable values given on the command line; with all of them valid, the learner dialog is skipped.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    /// <summary>The learner of the class joined (<c>labrunner join</c>): their name fills the lab's name variable, and no one is asked for it.</summary>
    public string? Learner { get; init; }

    /// <summary>The kind of target, known before connecting, for the first frame.</summary>
    public required TargetKind TargetKind { get; init; }

    /// <summary>Connects to the target; started in the background as the first frame shows.</summary>
    public required Func<CancellationToken, Task<ILabTarget>> Connect { get; init; }

    /// <summary>Where progress is kept (<c>progress/</c> under it).</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Writes an unexpected exception to the error log and returns the log's path.</summary>
    public required Func<Exception, string> LogUnexpected { get; init; }

    /// <summary>Reload the open lab's manifest and pages each time one is saved, keeping the learner's place (for authors).</summary>
    public bool Watch { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public Palette Palette { get; init; } = Palette.FromEnvironment();
}
