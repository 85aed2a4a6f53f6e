using LabRunner.TestSupport.Sandbox;

namespace LabRunner.TestSupport.Peers;

/// <summary>
/// LabRunner's sandbox as an RDS peer, on the fixture's fake clock: seeding goes through its fixture seeder, and
/// settling moves the clock an hour so snapshots and provisioning finish.
/// </summary>
public sealed class SandboxRdsPeer(SandboxFixture sandbox) : IRdsPeer
{
    public static readonly TimeSpan SettleTime = TimeSpan.FromHours(1);

    public string Name => "sandbox";

    public Uri Endpoint => sandbox.Uri;

    public string Region => "us-east-1";

    public SandboxFixture Sandbox => sandbox;

    public Task ResetAsync(CancellationToken cancellationToken = default)
    {
        sandbox.Host.State.Write(resources =>
        {
            resources.Snapshots.Clear();
            resources.Instances.Clear();
            resources.Clusters.Clear();
            return true;
        });
        return Task.CompletedTask;
    }

    public Task SeedClusterAsync(ClusterSeed seed, CancellationToken cancellationToken = default)
    {
        sandbox.SeedCluster(seed.ClusterIdentifier, seed.WriterInstanceIdentifier, seed.PreferredBackupWindow, seed.PreferredMaintenanceWindow, seed.BackupRetentionPeriod);
        return Task.CompletedTask;
    }

    public Task SettleAsync(CancellationToken cancellationToken = default)
    {
        sandbox.Time.Advance(SettleTime);
        return Task.CompletedTask;
    }
}
