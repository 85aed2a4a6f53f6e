using LabRunner.Cli;
using LabRunner.TestSupport.Moto;
using LabRunner.TestSupport.Peers;

namespace LabRunner.Fronts.Tests.Check;

[CollectionDefinition("moto")]
public sealed class MotoCollection : ICollectionFixture<MotoServer>;

/// <summary>The scenario matrix against moto 5.2. moto makes snapshots available at once and applies every change immediately,
/// so "snapshot creating" and "change pending" are covered against the sandbox only.</summary>
[Collection("moto")]
[NeedsPeers(RealPeer.Moto)]
public sealed class MotoCheckScenarios(MotoServer moto) : CheckScenarios
{
    protected override IRdsPeer Peer { get; } = new MotoRdsPeer(moto);

    [PeerFact(RealPeer.Moto)]
    public async Task Cluster_not_available()
    {
        await Peer.SeedLearnerAsync("alice");
        await Peer.StopClusterAsync("alice");

        var run = await CheckAsync();

        Assert.Equal(ExitCodes.NotPassed, run.ExitCode);
        Assert.Equal(("find-cluster", "failed", "cluster aurora-alice-cluster is stopped, expected available"),
            run.Steps().Select(step => (step.Id, step.Status, step.Detail)).First());
    }
}
