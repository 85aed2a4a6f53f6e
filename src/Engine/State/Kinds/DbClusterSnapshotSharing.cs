using System.Runtime.CompilerServices;
using LabRunner.Rds;
using LabRunner.Rds.Model;

namespace LabRunner.Engine.State
{
    public readonly partial record struct ResourceKind
    {
        public static readonly ResourceKind ClusterSnapshotSharing = new("cluster-snapshot-sharing");
    }
}

namespace LabRunner.Engine.State.Kinds
{
    /// <summary>
    /// Who each DB cluster snapshot is shared with, read with DescribeDBClusterSnapshotAttributes: one call per snapshot,
    /// as RDS has no list of them. A whole-account read lists the manual snapshots first (only those can be shared).
    /// </summary>
    public sealed class DbClusterSnapshotSharing()
        : StateKind<DBClusterSnapshotAttributesResult>(ResourceKind.ClusterSnapshotSharing, "DB cluster snapshot attributes", "rds:DescribeDBClusterSnapshotAttributes")
    {
        public static DbClusterSnapshotSharing Default { get; } = new();

        protected override string Identifier(DBClusterSnapshotAttributesResult resource) => resource.DBClusterSnapshotIdentifier;

        protected override async IAsyncEnumerable<DBClusterSnapshotAttributesResult> DescribeAll(
            IRdsReadApi rds, IReadOnlyCollection<string>? identifiers, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var snapshots = identifiers ?? await ManualSnapshotIds(rds, cancellationToken);
            foreach (var snapshot in snapshots)
            {
                if (await AttributesOrNull(rds, snapshot, cancellationToken) is { } attributes)
                    yield return attributes;
            }
        }

        /// <summary>A snapshot that is not there has no attributes: absent, as other kinds' missing resources are.</summary>
        private static async Task<DBClusterSnapshotAttributesResult?> AttributesOrNull(IRdsReadApi rds, string snapshot, CancellationToken cancellationToken)
        {
            try
            {
                return (await rds.DescribeDBClusterSnapshotAttributesAsync(new DescribeDBClusterSnapshotAttributesRequest(snapshot), cancellationToken)).DBClusterSnapshotAttributesResult;
            }
            catch (RdsException missing) when (missing.Kind == RdsErrorKind.NotFound)
            {
                return null;
            }
        }

        private static async Task<IReadOnlyCollection<string>> ManualSnapshotIds(IRdsReadApi rds, CancellationToken cancellationToken) =>
            await rds.DescribeAllDBClusterSnapshotsAsync(new DescribeDBClusterSnapshotsRequest { SnapshotType = "manual", MaxRecords = PageSize }, cancellationToken)
                .Select(snapshot => snapshot.DBClusterSnapshotIdentifier).ToListAsync(cancellationToken);
    }

    /// <summary>A snapshot's sharing, by snapshot name.</summary>
    public static class DbClusterSnapshotSharingState
    {
        extension(StateSnapshot state)
        {
            /// <summary>The accounts (or <c>all</c>) that may restore the snapshot; null when the snapshot was not found.</summary>
            public IReadOnlyList<string>? SharedWith(string snapshot) =>
                DbClusterSnapshotSharing.Default.Find(state, snapshot) is { } found
                    ? found.DBClusterSnapshotAttributes.Where(attribute => attribute.AttributeName == "restore").SelectMany(attribute => attribute.AttributeValues).ToList()
                    : null;
        }
    }
}
