using LabRunner.Engine.Checks;
using LabRunner.Engine.Class;
using LabRunner.Engine.State;
using LabRunner.Rds.Model;

namespace LabRunner.Engine.Tests.Class;

public sealed class LearnerDiscoveryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    private static IReadOnlyList<string> Discover(
        IEnumerable<string>? clusters = null, IEnumerable<string>? instances = null, IEnumerable<string>? snapshots = null)
    {
        var state = new StateSnapshot(
            Now,
            (clusters ?? []).Select(object (id) => new DBCluster { DBClusterIdentifier = id })
                .Concat((instances ?? []).Select(id => new DBInstance { DBInstanceIdentifier = id }))
                .Concat((snapshots ?? []).Select(id => new DBClusterSnapshot { DBClusterSnapshotIdentifier = id })));
        return new LearnerDiscovery(ClassLabs.Aurora, CheckKinds.Default).Discover(state).Select(learner => learner.Key).ToList();
    }

    [Fact]
    public void Clusters_named_by_the_template_are_learners_and_other_clusters_are_ignored()
    {
        var found = Discover(clusters: ["aurora-bob-cluster", "aurora-alice-cluster", "production-db", "aurora-cluster", "aurora-carol-cluster-old"]);

        Assert.Equal(["alice", "bob"], found);
    }

    [Fact]
    public void A_learner_with_only_a_snapshot_is_found_by_it()
    {
        Assert.Equal(["carol"], Discover(snapshots: ["aurora-carol-snap1", "nightly-export"]));
    }

    [Fact]
    public void A_learner_with_a_cluster_and_a_snapshot_is_found_once_and_names_are_lower_cased()
    {
        Assert.Equal(["dave"], Discover(clusters: ["Aurora-Dave-Cluster"], snapshots: ["aurora-dave-snap1"]));
    }

    [Fact]
    public void A_name_fitting_a_template_of_another_kind_is_ignored()
    {
        // A snapshot named like a cluster, an instance named like a snapshot: the learner's checks would never read them so.
        Assert.Empty(Discover(instances: ["aurora-erin-snap1"], snapshots: ["aurora-frank-cluster"]));
    }

    [Fact]
    public void A_writer_instance_alone_finds_no_learner_when_no_check_reads_instances()
    {
        Assert.Empty(Discover(instances: ["aurora-gina-instance-1"]));
    }

    [Fact]
    public void Recovered_values_are_validated_as_the_learner_binding_does()
    {
        var tooLong = new string('n', 31);

        Assert.Empty(Discover(clusters: [$"aurora-{tooLong}-cluster", "aurora-a--b-cluster", "aurora-under_score-cluster"]));
    }

    [Fact]
    public void Discovered_learners_carry_the_lab_defaults_and_are_bound_read_only()
    {
        var state = new StateSnapshot(Now, [new DBCluster { DBClusterIdentifier = "aurora-hana-cluster" }]);

        var learner = Assert.Single(new LearnerDiscovery(ClassLabs.Aurora, CheckKinds.Default).Discover(state));

        Assert.Equal(LearnerSources.Discovered, learner.Sources);
        Assert.Null(learner.RosterLine);
        Assert.Equal("05:00-05:45", learner.Learner.Variables["backup_window"]);
        Assert.All(learner.Plan.Steps, step => Assert.Null(step.Perform));
    }

    [Fact]
    public void A_later_discovery_keeps_learners_already_bound_finds_newcomers_and_drops_who_left()
    {
        var discovery = new LearnerDiscovery(ClassLabs.Aurora, CheckKinds.Default);
        StateSnapshot Clusters(params string[] names) => new(Now, names.Select(name => new DBCluster { DBClusterIdentifier = name }));

        var first = discovery.Discover(Clusters("aurora-ivy-cluster", "aurora-jo-cluster"));
        var second = discovery.Discover(Clusters("aurora-jo-cluster", "aurora-kim-cluster"));
        var third = discovery.Discover(Clusters("aurora-ivy-cluster"));

        Assert.Equal(["jo", "kim"], second.Select(learner => learner.Key));
        Assert.Same(first.Single(learner => learner.Key == "jo"), second.Single(learner => learner.Key == "jo"));
        Assert.Equal("ivy", Assert.Single(third).Key);
        Assert.NotSame(first.Single(learner => learner.Key == "ivy"), third.Single());
    }
}
