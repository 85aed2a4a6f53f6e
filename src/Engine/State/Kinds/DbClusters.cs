using LabRunner.Rds;
using LabRunner.Rds.Model;

namespace LabRunner.Engine.State
{
    public readonly partial record struct ResourceKind
    {
        public static readonly ResourceKind Cluster = new("cluster");
    }
}

namespace LabRunner.Engine.State.Kinds
{
    /// <summary>DB clusters, read with DescribeDBClusters filtered by <c>db-cluster-id</c>.</summary>
    public sealed class DbClusters() : StateKind<DBCluster>(ResourceKind.Cluster, "DB clusters")
    {
        public static DbClusters Default { get; } = new();

        protected override string Identifier(DBCluster resource) => resource.DBClusterIdentifier;

        protected override IAsyncEnumerable<DBCluster> DescribeAll(IRdsReadApi rds, IReadOnlyCollection<string>? identifiers, CancellationToken cancellationToken) =>
            rds.DescribeAllDBClustersAsync(new DescribeDBClustersRequest { Filters = IdFilter("db-cluster-id", identifiers), MaxRecords = PageSize }, cancellationToken);
    }

    /// <summary>A snapshot's Clusters, by name.</summary>
    public static class DbClustersState
    {
        extension(StateSnapshot state)
        {
            public IEnumerable<DBCluster> Clusters => DbClusters.Default.In(state);

            public DBCluster? Cluster(string identifier) => DbClusters.Default.Find(state, identifier);
        }
    }
}
