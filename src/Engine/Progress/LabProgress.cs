using System.Text.Json;
using System.Text.Json.Serialization;

namespace LabRunner.Engine.Progress;

/// <summary>
/// What LabRunner remembers of one learner's run of one lab on one target: their variables, each step's last
/// result, baselines and acknowledgements. Never credentials.
/// </summary>
public sealed class LabProgress
{
    public const int CurrentVersion = 1;

    public int Version { get; set; } = CurrentVersion;

    public required string Lab { get; set; }

    /// <summary>The learner's key (<see cref="LabRunner.Content.Learners.Learner.Key"/>).</summary>
    public required string Learner { get; set; }

    /// <summary>The target's progress key (<see cref="Targets.TargetInfo.ProgressKey"/>).</summary>
    public required string Target { get; set; }

    public Dictionary<string, string> Variables { get; set; } = [];

    public Dictionary<string, StepProgress> Steps { get; set; } = [];

    public DateTimeOffset? StartedAt { get; set; }

    /// <summary>The identifiers LabRunner itself created for the learner (by performing a step) that the lab's cleanup deletes, until it has.</summary>
    public List<string> CreatedForLearner { get; set; } = [];

    /// <summary>What this run created or cleaned up, applied again over what another process saved (see <see cref="MergeSaved"/>).</summary>
    private readonly Dictionary<string, bool> createdChangesHere = new(StringComparer.Ordinal);

    /// <summary>Records that LabRunner created <paramref name="identifiers"/> for the learner.</summary>
    public void RecordCreated(IEnumerable<string> identifiers)
    {
        foreach (var identifier in identifiers)
            createdChangesHere[identifier] = true;
        CreatedForLearner = [.. CreatedForLearner.Union(identifiers, StringComparer.Ordinal)];
    }

    /// <summary>Records that <paramref name="identifiers"/> were cleaned up.</summary>
    public void RecordCleanedUp(IEnumerable<string> identifiers)
    {
        foreach (var identifier in identifiers)
            createdChangesHere[identifier] = false;
        CreatedForLearner = [.. CreatedForLearner.Except(identifiers, StringComparer.Ordinal)];
    }

    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>A deep copy, with what this run created or cleaned up, to be saved while this one keeps changing.</summary>
    public LabProgress Copy()
    {
        var copy = JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(this, ProgressJson.Default.LabProgress), ProgressJson.Default.LabProgress)!;
        foreach (var (identifier, created) in createdChangesHere)
            copy.createdChangesHere[identifier] = created;
        return copy;
    }

    public StepProgress Step(string stepId)
    {
        if (!Steps.TryGetValue(stepId, out var step))
            Steps[stepId] = step = new StepProgress();
        return step;
    }

    /// <summary>
    /// Takes in what another process saved for the same learner since this one loaded, so that a save never undoes
    /// theirs: the earliest start, acknowledgement, first pass and opening win; baselines saved first win; for a
    /// step's last result the newer check wins; what LabRunner created is theirs with this run's creations and
    /// clean-ups applied. The variables stay this run's.
    /// </summary>
    public void MergeSaved(LabProgress saved)
    {
        StartedAt = StepProgress.Earliest(StartedAt, saved.StartedAt);
        CreatedForLearner = [.. saved.CreatedForLearner
            .Where(identifier => createdChangesHere.GetValueOrDefault(identifier, true))
            .Union(createdChangesHere.Where(change => change.Value).Select(change => change.Key), StringComparer.Ordinal)];
        foreach (var (stepId, theirs) in saved.Steps)
            Step(stepId).MergeSaved(theirs);
    }
}

public sealed class StepProgress
{
    /// <summary>The wire name of the last status (<c>passed</c>, <c>in-progress</c>...).</summary>
    public string? Status { get; set; }

    public string? Reason { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Percent { get; set; }

    public DateTimeOffset? CheckedAt { get; set; }

    /// <summary>When the step first passed; it stays set if the step later fails again.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? FirstPassedAt { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? OpenedAt { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? AcknowledgedAt { get; set; }

    /// <summary>Values seen when the learner first opened the step, for checks that something must change.</summary>
    public Dictionary<string, string> Baselines { get; set; } = [];

    /// <summary>See <see cref="LabProgress.MergeSaved"/>.</summary>
    public void MergeSaved(StepProgress saved)
    {
        AcknowledgedAt = Earliest(AcknowledgedAt, saved.AcknowledgedAt);
        FirstPassedAt = Earliest(FirstPassedAt, saved.FirstPassedAt);
        OpenedAt = Earliest(OpenedAt, saved.OpenedAt);
        foreach (var (name, value) in saved.Baselines)
            Baselines[name] = value;
        if (saved.CheckedAt is { } theirs && (CheckedAt is not { } ours || theirs > ours))
        {
            Status = saved.Status;
            Reason = saved.Reason;
            Percent = saved.Percent;
            CheckedAt = saved.CheckedAt;
        }
    }

    internal static DateTimeOffset? Earliest(DateTimeOffset? one, DateTimeOffset? other) =>
        one is { } first && other is { } second ? (first <= second ? first : second) : one ?? other;
}

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.KebabCaseLower)]
[JsonSerializable(typeof(LabProgress))]
internal sealed partial class ProgressJson : JsonSerializerContext;
