using LabRunner.Engine.Checks;
using LabRunner.Engine.Class;
using LabRunner.Engine.State;

namespace LabRunner.Engine.Tests.Class;

public sealed class ClassRoomTests
{
    [Fact]
    public void The_class_query_lists_every_resource_of_the_kinds_the_lab_checks_and_no_other_kind()
    {
        var query = ClassRoom.QueryFor(ClassLabs.Aurora, CheckKinds.Default);

        Assert.True(query.ReadsEverything);
        Assert.Equal([ResourceKind.Cluster, ResourceKind.ClusterSnapshot], query.Kinds.Order());
        Assert.Null(query.Identifiers(ResourceKind.Cluster));
    }

    [Fact]
    public void Each_check_kind_declares_every_kind_its_checks_read()
    {
        var plan = ClassLabs.Learner("alice").Plan;
        foreach (var (spec, check) in plan.Lab.Steps.SelectMany(step => step.Verify).Zip(plan.Steps.SelectMany(step => step.Checks)))
        {
            var read = new StateQuery();
            check.AddTo(read);
            Assert.Subset(CheckKinds.Default.Find(spec.Kind)!.Reads.ToHashSet(), read.Kinds.ToHashSet());
        }
    }

    [Fact]
    public void Merging_keeps_roster_order_marks_roster_learners_found_and_adds_the_others()
    {
        var roster = new[] { ClassLabs.Learner("zoe"), ClassLabs.Learner("alice") };
        var discovered = new[] { ClassLabs.Learner("alice", LearnerSources.Discovered), ClassLabs.Learner("bob", LearnerSources.Discovered) };

        var merged = ClassRoom.Merge(roster, discovered);

        Assert.Equal(["zoe", "alice", "bob"], merged.Select(learner => learner.Key));
        Assert.Equal([LearnerSources.Roster, LearnerSources.Roster | LearnerSources.Discovered, LearnerSources.Discovered], merged.Select(learner => learner.Sources));
    }
}
