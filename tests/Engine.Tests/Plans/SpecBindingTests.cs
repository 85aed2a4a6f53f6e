using LabRunner.Engine.Checks;
using LabRunner.Engine.Plans;
using LabRunner.Engine.Specs;

namespace LabRunner.Engine.Tests.Plans;

/// <summary>What a learner's values make of a lab's specs: each problem is a usage error at the spec's place, before any call.</summary>
public class SpecBindingTests
{
    private static LabSpecException BindFails(string name, params (string, string)[] parameters)
    {
        var lab = TestLabs.Lab([TestLabs.Step("find", [TestLabs.Spec("db-cluster", parameters)])]);
        return Assert.Throws<LabSpecException>(() => LabPlan.Bind(lab, TestLabs.Learner(lab, name)));
    }

    private static DbClusterCheck Bound(params (string, string)[] parameters)
    {
        var lab = TestLabs.Lab([TestLabs.Step("find", [TestLabs.Spec("db-cluster", parameters)])]);
        return (DbClusterCheck)Assert.Single(LabPlan.Bind(lab, TestLabs.Learner(lab, "alice")).Step("find").Checks);
    }

    [Fact]
    public void An_identifier_that_RDS_would_refuse_says_which_and_why()
    {
        var error = BindFails("alice", ("cluster", "aurora-{yourname}_x"));

        Assert.Equal("lab.yaml:9:3: parameter 'cluster' of check db-cluster: 'aurora-alice_x' is not a valid RDS identifier: it may hold only letters, digits and hyphens, not '_'", error.Message);
    }

    [Fact]
    public void A_placeholder_without_a_value_is_named()
    {
        Assert.Equal("lab.yaml:9:3: parameter 'cluster' of check db-cluster: '{clustr}' has no value", BindFails("alice", ("cluster", "{clustr}")).Message);
    }

    [Fact]
    public void Mixed_case_identifiers_are_lower_cased_as_RDS_stores_them()
    {
        Assert.Equal("aurora-alice-cluster", Bound(("cluster", "Aurora-ALICE-Cluster")).Cluster);
    }

    [Fact]
    public void Typed_values_arrive_typed()
    {
        var check = Bound(("cluster", "{cluster}"), ("writer", "true"), ("min-retention", "7"), ("backup-window", "{backup_window}"), ("nothing-pending", "true"));

        Assert.Equal(new DbClusterCheck("aurora-alice-cluster", null, true, new TimeWindow(new(5, 0), new(5, 45)), false, 7, true), check);
    }

    [Theory]
    [InlineData("writer", "yes", "'yes' is not true or false")]
    [InlineData("backup-window", "5:00-5:45", "'5:00-5:45' is not a daily UTC window hh24:mi-hh24:mi such as 05:00-05:45, at least 30 minutes long")]
    public void Values_of_the_wrong_type_say_what_is_wrong(string parameter, string value, string problem)
    {
        var error = BindFails("alice", ("cluster", "{cluster}"), (parameter, value));

        Assert.Equal($"lab.yaml:9:3: parameter '{parameter}' of check db-cluster: {problem}", error.Message);
    }

    [Fact]
    public void A_window_that_starts_and_ends_at_once_is_refused()
    {
        Assert.Equal("lab.yaml:9:3: parameter 'backup-window' of check db-cluster: '05:00-05:00' starts and ends at the same time",
            BindFails("alice", ("cluster", "{cluster}"), ("backup-window", "05:00-05:00")).Message);
    }

    [Fact]
    public void A_modify_that_changes_nothing_is_refused()
    {
        var lab = TestLabs.Lab([TestLabs.Step("modify", [], TestLabs.Spec("modify-db-cluster", ("cluster", "{cluster}"), ("apply-immediately", "true")))]);

        var error = Assert.Throws<LabSpecException>(() => LabPlan.Bind(lab, TestLabs.Learner(lab, "alice")));

        Assert.Equal("lab.yaml:9:3: modify-db-cluster needs 'backup-window' or 'retention': it would change nothing", error.Message);
    }

    [Theory]
    [InlineData("23:30-00:15", 45)]
    [InlineData("05:00-05:45", 45)]
    public void Windows_may_wrap_past_midnight(string text, int minutes)
    {
        Assert.True(TimeWindow.TryParse(text, out var window, out _));
        Assert.Equal(TimeSpan.FromMinutes(minutes), window.Duration);
        Assert.Equal(text, window.ToString());
    }
}
