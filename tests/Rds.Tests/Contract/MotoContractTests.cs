using LabRunner.Rds.Model;
using LabRunner.TestSupport.Moto;
using LabRunner.TestSupport.Peers;

namespace LabRunner.Rds.Tests.Contract;

[CollectionDefinition(Name)]
public sealed class MotoCollection : ICollectionFixture<MotoServer>
{
    /// <summary>Test classes in this collection share one moto server, started once per run.</summary>
    public const string Name = "moto";
}

/// <summary>
/// The contract against moto 5.2, a peer nobody here wrote. Where moto differs from RDS the contract follows RDS,
/// and those scenarios live in <see cref="RdsFaithfulContract"/>, which this class does not run. moto 5.2:
/// <list type="bullet">
/// <item>ignores <c>MaxRecords</c> (one page, no <c>Marker</c>) and accepts values outside 20–100;</item>
/// <item>does not validate backup windows (length, format, overlap with the maintenance window);</item>
/// <item>accepts any identifier and keeps its case;</item>
/// <item>makes snapshots <c>available</c> at once (PercentProgress 100), and creates an automated snapshot with each cluster;</item>
/// <item>answers ModifyDBCluster on a missing cluster with an HTML 500 page instead of <c>DBClusterNotFoundFault</c>;</item>
/// <item>answers RestoreDBClusterFromSnapshot onto a taken cluster name with <c>DBClusterSnapshotAlreadyExistsFault</c> instead of <c>DBClusterAlreadyExistsFault</c>, and restores clusters <c>available</c> at once.</item>
/// </list>
/// </summary>
[Collection(MotoCollection.Name)]
[NeedsPeers(RealPeer.Moto)]
public sealed class MotoContractTests(MotoServer moto) : RdsApiContract(new MotoRdsPeer(moto))
{
    [PeerFact(RealPeer.Moto)]
    public async Task Moto_answers_a_modify_of_a_missing_cluster_with_an_HTML_500_which_the_client_retries_then_reports()
    {
        // RDS answers DBClusterNotFoundFault (404); see RdsFaithfulContract.Modifying_an_unknown_cluster_is_not_found.
        using var client = await Peer.CreateClientAsync(o => o with { MaxAttempts = 2, RetryBaseDelay = TimeSpan.Zero });

        var error = await Assert.ThrowsAsync<RdsException>(() =>
            client.ModifyDBClusterAsync(new ModifyDBClusterRequest("aurora-nobody-cluster") { PreferredBackupWindow = "04:00-04:30", ApplyImmediately = true }));

        Assert.Equal((RdsErrorKind.Service, "HtmlResponse", 500), (error.Kind, error.ErrorCode, error.StatusCode));
        Assert.Equal((2, 1), (client.Stats.Attempts, client.Stats.Retries));
    }
}
