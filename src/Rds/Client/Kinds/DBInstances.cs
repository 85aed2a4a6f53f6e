using System.Xml.Linq;
using LabRunner.Rds.Model;
using LabRunner.Rds.Protocol;

// The DB instance resource kind as the client reads it: its shape, DescribeDBInstances and its paging, in one file.

namespace LabRunner.Rds.Model
{
    public sealed record DBInstance
    {
        public required string DBInstanceIdentifier { get; init; }
        public string? DBInstanceArn { get; init; }
        public string? DBInstanceClass { get; init; }
        public string? Engine { get; init; }
        /// <summary>An instance's state is <c>DBInstanceStatus</c> on the wire, not <c>Status</c>.</summary>
        public string? DBInstanceStatus { get; init; }
        public string? DBClusterIdentifier { get; init; }
        public string? PreferredBackupWindow { get; init; }
        public string? PreferredMaintenanceWindow { get; init; }
        public int? BackupRetentionPeriod { get; init; }
        public DateTimeOffset? InstanceCreateTime { get; init; }
        public IReadOnlyList<Tag> TagList { get; init; } = [];
    }

    public sealed record DescribeDBInstancesRequest : IPagedRequest<DescribeDBInstancesRequest>
    {
        public static string Operation => "DescribeDBInstances";

        public string? DBInstanceIdentifier { get; init; }
        public IReadOnlyList<Filter> Filters { get; init; } = [];
        public int? MaxRecords { get; init; }
        public string? Marker { get; init; }
        public DescribeDBInstancesRequest WithMarker(string? marker) => this with { Marker = marker };
    }

    public sealed record DescribeDBInstancesResponse(IReadOnlyList<DBInstance> DBInstances, string? Marker) : IPagedResponse<DBInstance>
    {
        public IReadOnlyList<DBInstance> Items => DBInstances;
    }
}

namespace LabRunner.Rds
{
    public partial interface IRdsReadApi
    {
        Task<DescribeDBInstancesResponse> DescribeDBInstancesAsync(DescribeDBInstancesRequest request, CancellationToken cancellationToken = default);
    }

    public sealed partial class RdsQueryClient
    {
        public Task<DescribeDBInstancesResponse> DescribeDBInstancesAsync(DescribeDBInstancesRequest request, CancellationToken cancellationToken = default) =>
            transport.CallAsync(RequestWriter.Write(request), ResponseReader.DescribeDBInstances, cancellationToken);
    }

    public sealed partial class ReadOnlyRdsApi
    {
        public Task<DescribeDBInstancesResponse> DescribeDBInstancesAsync(DescribeDBInstancesRequest request, CancellationToken cancellationToken = default) =>
            client.DescribeDBInstancesAsync(request, cancellationToken);
    }

    namespace Passes
    {
        public abstract partial class FormReadApi
        {
            public Task<DescribeDBInstancesResponse> DescribeDBInstancesAsync(DescribeDBInstancesRequest request, CancellationToken cancellationToken = default) =>
                CallAsync(RequestWriter.Write(request), ResponseReader.DescribeDBInstances, cancellationToken);
        }
    }

    public static partial class RdsPaginators
    {
        public static IAsyncEnumerable<DBInstance> DescribeAllDBInstancesAsync(
            this IRdsReadApi api, DescribeDBInstancesRequest request, CancellationToken cancellationToken = default) =>
            Items<DescribeDBInstancesRequest, DescribeDBInstancesResponse, DBInstance>(request, api.DescribeDBInstancesAsync, cancellationToken);
    }
}

namespace LabRunner.Rds.Protocol
{
    internal static partial class RequestWriter
    {
        public static RequestForm Write(DescribeDBInstancesRequest r) => new RequestForm(DescribeDBInstancesRequest.Operation)
            .Add("DBInstanceIdentifier", r.DBInstanceIdentifier)
            .AddFilters(r.Filters)
            .Add("MaxRecords", r.MaxRecords)
            .Add("Marker", r.Marker);
    }

    internal static partial class ResponseReader
    {
        public static DescribeDBInstancesResponse DescribeDBInstances(XElement result) =>
            new(result.List("DBInstances", "DBInstance", ShapeReader.DBInstance), Marker(result));
    }

    internal static partial class ShapeReader
    {
        public static DBInstance DBInstance(XElement e) => new()
        {
            DBInstanceIdentifier = e.RequiredString("DBInstanceIdentifier"),
            DBInstanceArn = e.String("DBInstanceArn"),
            DBInstanceClass = e.String("DBInstanceClass"),
            Engine = e.String("Engine"),
            DBInstanceStatus = e.String("DBInstanceStatus"),
            DBClusterIdentifier = e.String("DBClusterIdentifier"),
            PreferredBackupWindow = e.String("PreferredBackupWindow"),
            PreferredMaintenanceWindow = e.String("PreferredMaintenanceWindow"),
            BackupRetentionPeriod = e.Int("BackupRetentionPeriod"),
            InstanceCreateTime = e.Timestamp("InstanceCreateTime"),
            TagList = e.List("TagList", "Tag", Tag),
        };
    }
}
