using LabRunner.Engine.Actions;
using LabRunner.Engine.Checks;
using LabRunner.Engine.Plans;
using LabRunner.Engine.Specs;
using LabRunner.Engine.State;
using LabRunner.TestSupport.Sandbox;

namespace LabRunner.Engine.Tests.Plans;

public class LabPlanTests
{
    [Fact]
    public void Binding_renders_every_spec_for_the_learner()
    {
        var lab = TestLabs.Aurora();
        var plan = LabPlan.Bind(lab, TestLabs.Learner(lab, "Alice"));

        Assert.Equal(["find-cluster", "take-snapshot", "snapshot-available", "snapshot-actions", "modify-backup-window"], plan.Steps.Select(step => step.Id));
        Assert.Equal(new CreateDbClusterSnapshotAction("aurora-alice-snap1", "aurora-alice-cluster"), plan.Step("take-snapshot").Perform);
        Assert.True(plan.Step("snapshot-actions").IsManual);
        Assert.Equal([new DeleteDbClusterSnapshotAction("aurora-alice-snap1")], plan.Cleanup);
    }

    [Fact]
    public void One_query_covers_the_whole_lab_with_one_entry_per_resource_kind()
    {
        var lab = TestLabs.Aurora();
        var query = LabPlan.Bind(lab, TestLabs.Learner(lab, "alice")).Query();

        Assert.Equal([ResourceKind.Cluster, ResourceKind.ClusterSnapshot], query.Kinds.Order());
        Assert.Equal(["aurora-alice-cluster"], query.Identifiers(ResourceKind.Cluster));
        Assert.Equal(["aurora-alice-snap1"], query.Identifiers(ResourceKind.ClusterSnapshot));
        Assert.Empty(query.Identifiers(ResourceKind.Instance)!);
    }

    [Fact]
    public void An_action_on_a_resource_that_is_not_the_learners_is_refused_before_any_call()
    {
        var lab = TestLabs.Lab([TestLabs.Step("take-snapshot", [], TestLabs.Spec("create-db-cluster-snapshot", ("snapshot", "{snapshot}"), ("cluster", "aurora-bob-cluster")))]);

        var error = Assert.Throws<LabSpecException>(() => LabPlan.Bind(lab, TestLabs.Learner(lab, "alice")));

        Assert.Equal("lab.yaml:9:3: refused to create snapshot aurora-alice-snap1 of cluster aurora-bob-cluster: aurora-bob-cluster is not one of this learner's lab resources (aurora-alice-cluster, aurora-alice-instance-1, aurora-alice-snap1)", error.Message);
    }

    [Fact]
    public void An_unknown_kind_is_named_with_the_known_ones()
    {
        var lab = TestLabs.Lab([TestLabs.Step("find", [TestLabs.Spec("db-clustr", ("cluster", "{cluster}"))])]);

        var error = Assert.Throws<LabSpecException>(() => LabPlan.Bind(lab, TestLabs.Learner(lab, "alice")));

        Assert.Equal("lab.yaml:9:3: unknown check kind 'db-clustr'; known: db-cluster, db-cluster-snapshot, db-cluster-snapshot-shared", error.Message);
    }

    [Fact]
    public void Without_actions_a_plan_is_read_only()
    {
        var lab = TestLabs.Aurora();
        var plan = LabPlan.Bind(lab, TestLabs.Learner(lab, "alice"), CheckKinds.Default, actions: null);

        Assert.All(plan.Steps, step => Assert.Null(step.Perform));
        Assert.Empty(plan.Cleanup);
    }

    [Theory]
    [InlineData("cluster", "{nobody}", "lab.yaml:9:5: parameter 'cluster' of fixture db-cluster: '{nobody}' has no value")]
    [InlineData("cluster", "aurora_{yourname}", "lab.yaml:9:5: parameter 'cluster' of fixture db-cluster: ")]
    [InlineData("retention", "forever", "lab.yaml:9:5: parameter 'retention' of fixture db-cluster: ")]
    [InlineData("size", "10", "lab.yaml:9:5: fixture db-cluster takes no parameter 'size'")]
    public void A_fixture_that_does_not_bind_is_located_before_any_call(string parameter, string value, string message)
    {
        var parameters = new List<(string, string)> { (parameter, value) };
        if (parameter != "cluster")
            parameters.Add(("cluster", "{cluster}"));
        var lab = TestLabs.Aurora() with { Fixtures = [Fixtures.DbCluster([.. parameters])] };

        var error = Assert.Throws<LabSpecException>(() => LabPlan.Bind(lab, TestLabs.Learner(lab, "alice")));

        Assert.StartsWith(message, error.Message);
    }

    [Fact]
    public void A_fixture_of_an_unknown_kind_is_located_before_any_call()
    {
        var lab = TestLabs.Aurora() with { Fixtures = [Fixtures.Spec("s3-bucket", ("bucket", "b"))] };

        var error = Assert.Throws<LabSpecException>(() => LabPlan.Bind(lab, TestLabs.Learner(lab, "alice")));

        Assert.Equal("lab.yaml:9:5: there is no fixture kind 's3-bucket'", error.Message);
    }
}
