using System.Text.RegularExpressions;

namespace LabRunner.Content.Import;

/// <summary>A check, action or fixture as the importer writes it: its kind and its parameters, in order.</summary>
public sealed record SuggestedSpec(string Kind, IReadOnlyList<(string Name, string Value)> Parameters);

/// <summary>A variable a suggestion needs that the page does not have (e.g. the new backup window).</summary>
public sealed record SuggestedVariable(string Name, string Prompt, string Type, string Default);

/// <summary>
/// What an instruction says it does, turned into the step's verify (and perform, and wait) for the author to review:
/// "Take snapshot" → a cluster snapshot check, "Apply immediately" in a backup section → a backup-window check.
/// </summary>
/// <param name="Rule">Which reading of the text this is; each reading ends a step once per lab.</param>
/// <param name="Trigger">The words of the page it was read from, quoted in the YAML comment.</param>
public sealed record StepSuggestion(
    string Rule,
    string Title,
    string Trigger,
    IReadOnlyList<SuggestedSpec> Verify,
    SuggestedSpec? Perform,
    (string Timeout, string Interval)? Wait,
    SuggestedSpec? Cleanup,
    SuggestedVariable? Variable);

/// <summary>The readings of an instruction's text the importer knows, most specific first.</summary>
public static class StepSuggestions
{
    public const string BackupWindowVariable = "backup_window";

    private static readonly Regex TakeSnapshot = Words(@"\btake\s+(db\s+)?(cluster\s+)?snapshot\b");
    private static readonly Regex BecomesAvailable = Words(@"\bsnapshot\b.*\b(becomes?|is|turns)\s+available\b");
    private static readonly Regex ApplyImmediately = Words(@"\bapply\s+immediately\b");
    private static readonly Regex Backup = Words(@"\bbackups?\b");
    private static readonly Regex ChooseCluster = Words(@"\b(choose|select|find|open|click)\b");
    private static readonly Regex Writer = Words(@"\b(primary|writer)\b");

    /// <summary>The suggestion <paramref name="instruction"/> reads as, or null.</summary>
    public static StepSuggestion? For(Instruction instruction, WorkshopSection section, PageNames names)
    {
        var text = instruction.Text;
        var cluster = names.First(ResourceKind.Cluster)?.Name;
        var snapshot = names.First(ResourceKind.Snapshot)?.Name;
        if (cluster is null)
            return null;
        if (ApplyImmediately.IsMatch(text) && Backup.IsMatch(SectionText(section)))
            return BackupWindow(cluster, "Apply immediately");
        if (snapshot is not null && BecomesAvailable.IsMatch(text))
            return SnapshotAvailable(cluster, snapshot, BecomesAvailable.Match(text).Value);
        if (snapshot is not null && TakeSnapshot.IsMatch(text))
            return TakeManualSnapshot(cluster, snapshot, TakeSnapshot.Match(text).Value);
        if (text.Contains($"{{{cluster}}}", StringComparison.Ordinal) && ChooseCluster.IsMatch(text))
            return FindCluster(cluster, Writer.IsMatch(text), text);
        return null;
    }

    /// <summary>An instruction that only confirms what the one before it set up ("Click Modify DB Instance"): it ends the same step.</summary>
    public static bool IsConfirmation(Instruction instruction) =>
        Confirmation.IsMatch(instruction.Text) && instruction.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 6;

    private static readonly Regex Confirmation = Words(@"^(click|choose|press|select)\b[^.]*\.?$");

    private static StepSuggestion FindCluster(string cluster, bool writer, string trigger)
    {
        var check = writer
            ? Spec("db-cluster", ("cluster", $"{{{cluster}}}"), ("status", "available"), ("writer", "true"))
            : Spec("db-cluster", ("cluster", $"{{{cluster}}}"), ("status", "available"));
        return new("find-cluster", "Find your cluster", trigger, [check], null, null, null, null);
    }

    private static StepSuggestion TakeManualSnapshot(string cluster, string snapshot, string trigger) => new(
        "take-snapshot", "Take a manual snapshot", trigger,
        [Spec("db-cluster-snapshot", ("snapshot", $"{{{snapshot}}}"), ("cluster", $"{{{cluster}}}"), ("type", "manual"))],
        Spec("create-db-cluster-snapshot", ("snapshot", $"{{{snapshot}}}"), ("cluster", $"{{{cluster}}}")),
        null,
        Spec("delete-db-cluster-snapshot", ("snapshot", $"{{{snapshot}}}")),
        null);

    private static StepSuggestion SnapshotAvailable(string cluster, string snapshot, string trigger) => new(
        "snapshot-available", "Wait for the snapshot", trigger,
        [Spec("db-cluster-snapshot", ("snapshot", $"{{{snapshot}}}"), ("cluster", $"{{{cluster}}}"), ("status", "available"))],
        null, ("30m", "30s"), null, null);

    private static StepSuggestion BackupWindow(string cluster, string trigger) => new(
        "backup-window", "Move the backup window", trigger,
        [Spec("db-cluster", ("cluster", $"{{{cluster}}}"), ("backup-window", $"{{{BackupWindowVariable}}}"), ("nothing-pending", "true"))],
        Spec("modify-db-cluster", ("cluster", $"{{{cluster}}}"), ("backup-window", $"{{{BackupWindowVariable}}}"), ("apply-immediately", "true")),
        null, null,
        new SuggestedVariable(BackupWindowVariable, "The new daily backup window in UTC, hh:mm-hh:mm, at least 30 minutes long", "backup-window", "05:00-05:45"));

    private static SuggestedSpec Spec(string kind, params (string Name, string Value)[] parameters) => new(kind, parameters);

    private static string SectionText(WorkshopSection section) =>
        string.Join(" ", [section.Title, section.Intro, .. section.Instructions.Select(instruction => instruction.Text)]);

    private static Regex Words(string pattern) =>
        // Non-backtracking: an instruction of any length is read in linear time.
        new(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline | RegexOptions.NonBacktracking);
}
