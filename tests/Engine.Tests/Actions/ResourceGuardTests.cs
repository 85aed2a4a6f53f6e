using LabRunner.Content.Model;
using LabRunner.Content.Templates;
using LabRunner.Engine.Actions;
using LabRunner.Engine.Plans;
using LabRunner.Engine.Specs;

namespace LabRunner.Engine.Tests.Actions;

/// <summary>The guard holds whatever the lab says: these labs are built in code, so no lint stands in front of it.</summary>
public sealed class ResourceGuardTests
{
    private static readonly SourceSpan Here = new("lab.yaml", 1, 1);

    [Theory]
    [InlineData("aurora-bob-snap1", "it is the same for every learner")]
    [InlineData("{old_snapshot}", "it uses {old_snapshot}, which is not the learner's name")]
    [InlineData("{old_snapshot}-{yourname}", "it uses {old_snapshot}, which is not the learner's name")]
    public void A_resource_not_named_from_the_learners_name_alone_is_never_changed(string template, string reason)
    {
        var lab = WithResource(template);

        var error = Assert.Throws<LabSpecException>(() => LabPlan.Bind(lab, Learner(lab, "alice", oldSnapshot: "aurora-bob-snap1")));

        Assert.StartsWith("lab.yaml:9:3: refused to delete snapshot ", error.Message);
        Assert.Contains($"is resource 'target' ({template}), which is not named from the learner's name alone: {reason}", error.Message);
    }

    [Fact]
    public void A_name_that_another_learners_name_also_produces_is_refused()
    {
        var lab = WithResource("aurora-bob-{yourname}");

        var error = Assert.Throws<LabSpecException>(() => LabPlan.Bind(lab, Learner(lab, "snap1")));

        Assert.Equal("lab.yaml:9:3: refused to delete snapshot aurora-bob-snap1: aurora-bob-snap1 is also what the lab names for learner bob, so it may not be snap1's alone", error.Message);
    }

    [Fact]
    public void A_name_only_its_learner_produces_is_allowed()
    {
        var lab = WithResource("aurora-bob-{yourname}");

        var plan = LabPlan.Bind(lab, Learner(lab, "alice"));

        Assert.Equal([new DeleteDbClusterSnapshotAction("aurora-bob-alice")], plan.Cleanup);
    }

    [Fact]
    public void An_action_on_a_name_that_is_not_an_identifier_is_refused()
    {
        var lab = TestLabs.Aurora();
        var learner = TestLabs.Learner(lab, "alice");

        var refusal = ResourceGuard.Refusal(new DeleteDbClusterSnapshotAction("aurora-alice-snap1\n"), learner);

        Assert.Equal("refused to delete snapshot aurora-alice-snap1\n: 'aurora-alice-snap1\\n' is not a valid RDS identifier: it may hold only letters, digits and hyphens, not '\\n'", refusal);
    }

    /// <summary>The test lab plus a variable old_snapshot and a resource 'target' that cleanup deletes.</summary>
    private static Lab WithResource(string template)
    {
        var lab = TestLabs.Lab(TestLabs.Aurora().Steps.ToList(), [TestLabs.Spec("delete-db-cluster-snapshot", ("snapshot", "{target}"))]);
        return lab with
        {
            Variables = [.. lab.Variables, new LabVariable("old_snapshot", "A snapshot", null, null, false, Here)],
            Resources = [.. lab.Resources, new ResourceTemplate("target", TemplateParser.Parse(template), Here)],
        };
    }

    private static Content.Learners.Learner Learner(Lab lab, string name, string oldSnapshot = "none")
    {
        var bound = Content.Learners.LearnerBinding.Bind(lab, new Dictionary<string, string> { ["yourname"] = name, ["old_snapshot"] = oldSnapshot });
        return bound.Learner ?? throw new ArgumentException(string.Join("; ", bound.Problems));
    }
}
