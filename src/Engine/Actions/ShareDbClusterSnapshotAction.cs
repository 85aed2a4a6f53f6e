using LabRunner.Content.Learners;
using LabRunner.Rds;
using LabRunner.Rds.Model;

namespace LabRunner.Engine.Actions;

/// <summary><c>share-db-cluster-snapshot</c>: adds an account to the snapshot's <c>restore</c> attribute, or with <c>shared: false</c> removes it.</summary>
public sealed class ShareDbClusterSnapshotActionKind : IActionKind
{
    public string Name => "share-db-cluster-snapshot";

    public IAction Bind(BoundSpec spec) =>
        new ShareDbClusterSnapshotAction(spec.Required("snapshot"), spec.Required("account"), spec.Flag("shared") ?? true);
}

public sealed record ShareDbClusterSnapshotAction(string Snapshot, string Account, bool Shared) : IAction
{
    /// <summary>The only attribute of a cluster snapshot: the accounts that may restore it.</summary>
    public const string RestoreAttribute = "restore";

    public string Summary => Shared ? $"share snapshot {Snapshot} with account {Account}" : $"stop sharing snapshot {Snapshot} with account {Account}";

    public IReadOnlyList<string> Identifiers => [Snapshot];

    public IReadOnlyList<string> Creates => [];

    public IReadOnlyList<string> ApiActions => ["rds:ModifyDBClusterSnapshotAttribute"];

    public AwsCliCommand CliCommand => new("modify-db-cluster-snapshot-attribute",
    [
        new("--db-cluster-snapshot-identifier", Snapshot),
        new("--attribute-name", RestoreAttribute),
        new(Shared ? "--values-to-add" : "--values-to-remove", Account),
    ]);

    /// <summary>Adding an account already there, or removing one that is not (or from a snapshot that is gone), changes nothing and succeeds.</summary>
    public async Task<ActionOutcome> PerformAsync(IRdsApi rds, CancellationToken cancellationToken = default)
    {
        var request = new ModifyDBClusterSnapshotAttributeRequest(Snapshot, RestoreAttribute)
        {
            ValuesToAdd = Shared ? [Account] : [],
            ValuesToRemove = Shared ? [] : [Account],
        };
        try
        {
            var result = await rds.ModifyDBClusterSnapshotAttributeAsync(request, cancellationToken);
            var sharedWith = result.DBClusterSnapshotAttributesResult.DBClusterSnapshotAttributes
                .Where(attribute => attribute.AttributeName == RestoreAttribute).SelectMany(attribute => attribute.AttributeValues).ToList();
            return new ActionOutcome(ActionOutcomeKind.Done,
                $"snapshot {Snapshot} is shared with {(sharedWith.Count == 0 ? "no account" : string.Join(", ", sharedWith))}");
        }
        catch (RdsException gone) when (!Shared && gone.Kind == RdsErrorKind.NotFound)
        {
            return new ActionOutcome(ActionOutcomeKind.AlreadyDone, $"snapshot {Snapshot} is gone, so it is shared with no one");
        }
        catch (RdsException error)
        {
            return ActionOutcome.From(error, Summary);
        }
    }
}
