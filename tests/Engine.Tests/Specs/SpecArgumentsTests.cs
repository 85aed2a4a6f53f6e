using LabRunner.Content.Templates;
using LabRunner.Engine.Checks;
using LabRunner.Engine.Specs;

namespace LabRunner.Engine.Tests.Specs;

public class SpecArgumentsTests
{
    private static readonly PlaceholderValues Alice = new([new("cluster", "aurora-alice-cluster"), new("yourname", "alice")]);

    private static LabSpecException BindFails(params (string, string)[] parameters)
    {
        var kind = new DbClusterCheckKind();
        return Assert.Throws<LabSpecException>(() => kind.Bind(new SpecArguments(TestLabs.Spec("db-cluster", parameters), kind.Parameters, Alice)));
    }

    [Fact]
    public void An_unknown_parameter_is_named_with_its_place_and_the_known_ones()
    {
        var error = BindFails(("cluster", "{cluster}"), ("stauts", "available"));

        Assert.Equal("lab.yaml:10:5: db-cluster has no parameter 'stauts'; it takes cluster, status, writer, backup-window, backup-window-changed, min-retention, nothing-pending", error.Message);
    }

    [Fact]
    public void A_missing_required_parameter_is_named()
    {
        Assert.Equal("lab.yaml:9:3: db-cluster needs the parameter 'cluster'", BindFails(("status", "available")).Message);
    }

    [Fact]
    public void A_placeholder_without_a_value_is_reported_where_it_is_written()
    {
        var error = BindFails(("cluster", "{clustr}"));

        Assert.Equal("lab.yaml:10:5: db-cluster parameter 'cluster': '{clustr}' in \"{clustr}\" has no value.", error.Message);
    }

    [Fact]
    public void An_identifier_that_RDS_would_refuse_says_why()
    {
        var error = BindFails(("cluster", "aurora-{yourname}_x"));

        Assert.Equal("lab.yaml:10:5: db-cluster parameter 'cluster': 'aurora-alice_x' is not a valid RDS identifier: it may hold only letters, digits and hyphens, not '_'", error.Message);
    }

    [Fact]
    public void Mixed_case_identifiers_are_lower_cased_as_RDS_stores_them()
    {
        var kind = new DbClusterCheckKind();
        var check = (DbClusterCheck)kind.Bind(new SpecArguments(TestLabs.Spec("db-cluster", ("cluster", "Aurora-ALICE-Cluster")), kind.Parameters, Alice));

        Assert.Equal("aurora-alice-cluster", check.Cluster);
    }

    [Theory]
    [InlineData("writer", "yes", "'yes' is not true or false")]
    [InlineData("min-retention", "40", "'40' is not a whole number from 1 to 35")]
    [InlineData("backup-window", "5:00-5:45", "'5:00-5:45' is not a time window like 05:00-05:45 (hh24:mi-hh24:mi, UTC)")]
    [InlineData("backup-window", "05:00-05:00", "'05:00-05:00' starts and ends at the same time")]
    public void Values_that_do_not_parse_say_what_is_wrong(string parameter, string value, string problem)
    {
        var error = BindFails(("cluster", "{cluster}"), (parameter, value));

        Assert.Equal($"lab.yaml:10:5: db-cluster parameter '{parameter}': {problem}", error.Message);
    }

    [Fact]
    public void A_modify_that_changes_nothing_is_refused()
    {
        var kind = new LabRunner.Engine.Actions.ModifyDbClusterActionKind();
        var error = Assert.Throws<LabSpecException>(() =>
            kind.Bind(new SpecArguments(TestLabs.Spec("modify-db-cluster", ("cluster", "{cluster}"), ("apply-immediately", "true")), kind.Parameters, Alice)));

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
