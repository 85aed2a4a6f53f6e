using System.Globalization;
using LabRunner.Content.Templates;
using LabRunner.TestSupport.Sandbox;

namespace LabRunner.TestSupport.Peers;

/// <summary>The in-process sandbox as an RDS peer; it seeds through its fixture seeding, and settles by moving its fake clock.</summary>
public sealed class SandboxRdsPeer(SandboxFixture sandbox) : IRdsPeer
{
    public string Name => "sandbox";

    public Uri Endpoint => sandbox.Uri;

    public string Region => "us-east-1";

    public Task ResetAsync(CancellationToken cancellationToken = default)
    {
        sandbox.Host.Reset();
        return Task.CompletedTask;
    }

    public Task SeedClusterAsync(ClusterSeed seed, CancellationToken cancellationToken = default)
    {
        sandbox.Host.Seed(Fixtures.Bound(
            [Fixtures.DbCluster(
                ("cluster", seed.ClusterIdentifier), ("writer-instance", seed.WriterInstanceIdentifier), ("engine", seed.Engine),
                ("instance-class", seed.InstanceClass), ("backup-window", seed.PreferredBackupWindow),
                ("maintenance-window", seed.PreferredMaintenanceWindow), ("retention", seed.BackupRetentionPeriod.ToString(CultureInfo.InvariantCulture)))],
            new PlaceholderValues([])));
        return Task.CompletedTask;
    }

    /// <summary>An hour on the sandbox's clock: every snapshot of a normal cluster is done by then.</summary>
    public Task SettleAsync(CancellationToken cancellationToken = default)
    {
        sandbox.Time.Advance(TimeSpan.FromHours(1));
        return Task.CompletedTask;
    }
}
