using LabRunner.Content.Learners;
using LabRunner.Engine.State;
using LabRunner.Engine.State.Kinds;
using LabRunner.Rds.Model;

namespace LabRunner.Engine.Checks;

/// <summary><c>db-cluster-snapshot</c>: the learner's snapshot exists and, as asked, belongs to their cluster, is of a type, has a status.</summary>
public sealed class DbClusterSnapshotCheckKind : ICheckKind
{
    public string Name => "db-cluster-snapshot";

    public IReadOnlyList<ResourceKind> Reads { get; } = [ResourceKind.ClusterSnapshot];

    public ICheck Bind(BoundSpec spec) =>
        new DbClusterSnapshotCheck(spec.Required("snapshot"), spec.Text("cluster"), spec.Text("type"), spec.Text("status"));
}

public sealed record DbClusterSnapshotCheck(string Snapshot, string? Cluster, string? Type, string? Status) : ICheck
{
    public void AddTo(StateQuery query) => query.Want(ResourceKind.ClusterSnapshot, Snapshot);

    public IReadOnlyList<BaselineCapture> Baselines => [];

    public Verdict Judge(StateSnapshot state, BaselineLookup baselines)
    {
        if (state.Failure(ResourceKind.ClusterSnapshot) is { } failure)
            return Verdict.Error($"could not read DB cluster snapshots: {failure.Message}");
        if (state.ClusterSnapshot(Snapshot) is not { } snapshot)
            return Verdict.NotYet($"snapshot {Snapshot} not found");
        if (Cluster is not null && !string.Equals(snapshot.DBClusterIdentifier, Cluster, StringComparison.OrdinalIgnoreCase))
            return Verdict.Failed($"snapshot {Snapshot} belongs to {snapshot.DBClusterIdentifier ?? "no cluster"}, expected {Cluster}");
        if (Type is not null && snapshot.SnapshotType != Type)
            return Verdict.Failed($"snapshot {Snapshot} is {snapshot.SnapshotType ?? "of unknown type"}, expected {Type}");
        return JudgeStatus(snapshot) ?? Verdict.Passed(Describe(snapshot));
    }

    private Verdict? JudgeStatus(DBClusterSnapshot snapshot)
    {
        if (Status is null || snapshot.Status == Status)
            return null;
        var found = $"snapshot {Snapshot} is {snapshot.Status ?? "of unknown status"}, expected {Status}";
        return snapshot.Status switch
        {
            "creating" or "copying" => Verdict.InProgress(Creating(snapshot), snapshot.PercentProgress, snapshot.SnapshotCreateTime),
            { } status when RdsStatuses.IsDeadSnapshot(status) => Verdict.Failed(found),
            _ => Verdict.NotYet(found),
        };
    }

    /// <summary>"snapshot aurora-alice-snap1 is being created (45 % done); waiting for it to be available" (or copied).</summary>
    private string Creating(DBClusterSnapshot snapshot) =>
        $"snapshot {Snapshot} is being {(snapshot.Status == "copying" ? "copied" : "created")}{(snapshot.PercentProgress is { } percent ? $" ({percent} % done)" : "")}; waiting for it to be {Status}";

    private string Describe(DBClusterSnapshot snapshot)
    {
        var facts = $"snapshot {Snapshot} of {snapshot.DBClusterIdentifier} is {snapshot.Status}";
        return Type is null ? facts : $"{Type} {facts}";
    }
}
