using LabRunner.Rds;
using LabRunner.Rds.Protocol;
using LabRunner.TestSupport.Moto;

namespace LabRunner.TestSupport.Peers;

/// <summary>
/// moto as an RDS peer. Seeding goes through our own client's transport (signed Query-API calls) with the two
/// create actions LabRunner's product never needs, so they live here and not on <see cref="IRdsApi"/>.
/// </summary>
public sealed class MotoRdsPeer(MotoServer moto) : IRdsPeer
{
    public string Name => "moto";

    public Uri Endpoint => moto.Endpoint;

    public string Region => "us-east-1";

    public Task ResetAsync(CancellationToken cancellationToken = default) => moto.ResetAsync(cancellationToken);

    public async Task SeedClusterAsync(ClusterSeed seed, CancellationToken cancellationToken = default)
    {
        using var client = await this.CreateClientAsync();
        await client.CallAsync(
            new RequestForm("CreateDBCluster")
                .Add("DBClusterIdentifier", seed.ClusterIdentifier)
                .Add("Engine", seed.Engine)
                .Add("MasterUsername", "admin")
                .Add("MasterUserPassword", "labrunner-password")
                .Add("PreferredBackupWindow", seed.PreferredBackupWindow)
                .Add("PreferredMaintenanceWindow", seed.PreferredMaintenanceWindow)
                .Add("BackupRetentionPeriod", seed.BackupRetentionPeriod),
            _ => true,
            cancellationToken);
        await client.CallAsync(
            new RequestForm("CreateDBInstance")
                .Add("DBInstanceIdentifier", seed.WriterInstanceIdentifier)
                .Add("DBClusterIdentifier", seed.ClusterIdentifier)
                .Add("Engine", seed.Engine)
                .Add("DBInstanceClass", seed.InstanceClass),
            _ => true,
            cancellationToken);
    }

    public Task SettleAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
}
