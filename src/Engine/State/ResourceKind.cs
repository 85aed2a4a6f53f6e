namespace LabRunner.Engine.State;

/// <summary>The RDS resource kinds checks read; one Describe call (paginated) per kind per evaluation.</summary>
public enum ResourceKind
{
    Cluster,
    Instance,
    ClusterSnapshot,
}
