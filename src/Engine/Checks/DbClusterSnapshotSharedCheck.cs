using LabRunner.Content.Learners;
using LabRunner.Engine.State;
using LabRunner.Engine.State.Kinds;

namespace LabRunner.Engine.Checks;

/// <summary><c>db-cluster-snapshot-shared</c>: the learner's snapshot is (or, with <c>shared: false</c>, is no longer) shared with an account.</summary>
public sealed class DbClusterSnapshotSharedCheckKind : ICheckKind
{
    public string Name => "db-cluster-snapshot-shared";

    public IReadOnlyList<ResourceKind> Reads { get; } = [ResourceKind.ClusterSnapshotSharing];

    public ICheck Bind(BoundSpec spec) => new DbClusterSnapshotSharedCheck(spec.Required("snapshot"), spec.Required("account"), spec.Flag("shared") ?? true);
}

public sealed record DbClusterSnapshotSharedCheck(string Snapshot, string Account, bool Shared) : ICheck
{
    public void AddTo(StateQuery query) => query.Want(ResourceKind.ClusterSnapshotSharing, Snapshot);

    public IReadOnlyList<BaselineCapture> Baselines => [];

    public Verdict Judge(StateSnapshot state, BaselineLookup baselines)
    {
        if (state.Failure(ResourceKind.ClusterSnapshotSharing) is { } failure)
            return Verdict.Error($"could not read who snapshot {Snapshot} is shared with: {failure.Message}");
        if (state.SharedWith(Snapshot) is not { } sharedWith)
            return Verdict.NotYet($"snapshot {Snapshot} not found");
        var with = sharedWith.Count == 0 ? "no account" : string.Join(", ", sharedWith);
        return sharedWith.Contains(Account, StringComparer.Ordinal) == Shared
            ? Verdict.Passed(Shared ? $"snapshot {Snapshot} is shared with account {Account}" : $"snapshot {Snapshot} is not shared with account {Account} (shared with {with})")
            : Verdict.NotYet(Shared ? $"snapshot {Snapshot} is shared with {with}, not with account {Account}" : $"snapshot {Snapshot} is still shared with account {Account}");
    }
}
