using LabRunner.Rds;
using LabRunner.Rds.Model;

namespace LabRunner.Engine.State
{
    public readonly partial record struct ResourceKind
    {
        public static readonly ResourceKind Instance = new("instance");
    }
}

namespace LabRunner.Engine.State.Kinds
{
    /// <summary>DB instances, read with DescribeDBInstances filtered by <c>db-instance-id</c>.</summary>
    public sealed class DbInstances() : StateKind<DBInstance>(ResourceKind.Instance, "DB instances")
    {
        public static DbInstances Default { get; } = new();

        protected override string Identifier(DBInstance resource) => resource.DBInstanceIdentifier;

        protected override IAsyncEnumerable<DBInstance> DescribeAll(IRdsReadApi rds, IReadOnlyCollection<string>? identifiers, CancellationToken cancellationToken) =>
            rds.DescribeAllDBInstancesAsync(new DescribeDBInstancesRequest { Filters = IdFilter("db-instance-id", identifiers), MaxRecords = PageSize }, cancellationToken);
    }

    /// <summary>A snapshot's Instances, by name.</summary>
    public static class DbInstancesState
    {
        extension(StateSnapshot state)
        {
            public IEnumerable<DBInstance> Instances => DbInstances.Default.In(state);

            public DBInstance? Instance(string identifier) => DbInstances.Default.Find(state, identifier);
        }
    }
}
