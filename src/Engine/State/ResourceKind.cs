namespace LabRunner.Engine.State;

/// <summary>The RDS resource kinds checks read; one Describe call (paginated) per kind per evaluation.</summary>
public enum ResourceKind
{
    Cluster,
    Instance,
    ClusterSnapshot,
}

public static class ResourceKinds
{
    /// <summary>The Describe call that reads <paramref name="kind"/>, as IAM names it.</summary>
    public static string DescribeAction(this ResourceKind kind) => kind switch
    {
        ResourceKind.Cluster => "rds:DescribeDBClusters",
        ResourceKind.Instance => "rds:DescribeDBInstances",
        _ => "rds:DescribeDBClusterSnapshots",
    };
}
