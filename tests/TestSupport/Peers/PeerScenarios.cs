using LabRunner.Rds;
using LabRunner.Rds.Model;
using LabRunner.Rds.Protocol;

namespace LabRunner.TestSupport.Peers;

/// <summary>
/// States of a learner's resources that the check scenarios start from, made through the peer's own Query API
/// (the setup calls LabRunner's product never makes live here, not on <see cref="IRdsApi"/>).
/// </summary>
public static class PeerScenarios
{
    /// <summary>The Aurora lab's fixture for <paramref name="learner"/>: an available cluster with a writer, backup window 07:10-07:40, maintenance sun:09:00-sun:09:30.</summary>
    public static Task SeedLearnerAsync(this IRdsPeer peer, string learner) =>
        peer.SeedClusterAsync(new ClusterSeed($"aurora-{learner}-cluster", $"aurora-{learner}-instance-1") { PreferredBackupWindow = "07:10-07:40", PreferredMaintenanceWindow = "sun:09:00-sun:09:30" });

    /// <summary>A cluster with no instance, so no writer.</summary>
    public static async Task CreateClusterWithoutWriterAsync(this IRdsPeer peer, string learner)
    {
        using var client = await peer.CreateClientAsync();
        await client.CallAsync(
            new RequestForm("CreateDBCluster")
                .Add("DBClusterIdentifier", $"aurora-{learner}-cluster")
                .Add("Engine", "aurora-mysql")
                .Add("MasterUsername", "admin")
                .Add("MasterUserPassword", "labrunner-password")
                .Add("PreferredBackupWindow", "07:10-07:40"),
            _ => true,
            CancellationToken.None);
    }

    public static async Task StopClusterAsync(this IRdsPeer peer, string learner)
    {
        using var client = await peer.CreateClientAsync();
        await client.CallAsync(new RequestForm("StopDBCluster").Add("DBClusterIdentifier", $"aurora-{learner}-cluster"), _ => true, CancellationToken.None);
    }

    public static async Task CreateSnapshotAsync(this IRdsPeer peer, string snapshot, string cluster)
    {
        using var client = await peer.CreateClientAsync();
        await client.CreateDBClusterSnapshotAsync(new CreateDBClusterSnapshotRequest(snapshot, cluster));
    }

    public static async Task ModifyClusterAsync(this IRdsPeer peer, ModifyDBClusterRequest request)
    {
        using var client = await peer.CreateClientAsync();
        await client.ModifyDBClusterAsync(request);
    }
}
