using LabRunner.Content.Learners;
using LabRunner.Content.Model;
using LabRunner.Content.Templates;
using LabRunner.Content.Tests.Support;

namespace LabRunner.Content.Tests;

public sealed class LearnerBindingTests
{
    private static readonly Lab Aurora = Labs.AuroraBackup();

    [Fact]
    public void Resources_are_rendered_from_the_variables_and_lower_cased_as_RDS_stores_them()
    {
        var learner = Bind(("yourname", "Bob")).Learner!;

        Assert.Equal(new Dictionary<string, string>
        {
            ["cluster"] = "aurora-bob-cluster",
            ["writer"] = "aurora-bob-instance-1",
            ["snapshot"] = "aurora-bob-snap1",
            ["snapshot_copy"] = "aurora-bob-snap1-copy",
            ["restored"] = "aurora-bob-restored",
            ["restored_writer"] = "aurora-bob-restored-1",
        }, learner.Resources);
        Assert.Equal("aurora-bob-snap1", learner.Resource("snapshot"));
    }

    [Fact]
    public void Defaults_apply_and_placeholders_render_both_variables_and_resources()
    {
        var learner = Bind(("yourname", "Bob")).Learner!;

        Assert.Equal("05:00-05:45", learner.Variables["backup_window"]);
        Assert.Equal("Bob owns aurora-bob-cluster, window 05:00-05:45",
            learner.Values.Render(TemplateParser.Parse("{YOUR_NAME} owns {cluster}, window {backup_window}")));
    }

    [Fact]
    public void Variable_names_match_ignoring_case_and_underscores()
    {
        var learner = Bind(("YOUR_NAME", "ann"), ("BackupWindow", "06:00-06:30")).Learner!;

        Assert.Equal(("ann", "06:00-06:30"), (learner.Variables["yourname"], learner.Variables["backup_window"]));
    }

    [Fact]
    public void A_name_that_forms_an_invalid_identifier_is_reported_per_resource()
    {
        var result = Bind(("yourname", "Bob_1"));

        Assert.Null(result.Learner);
        Assert.Equal(
        [
            "resource cluster 'aurora-Bob_1-cluster' is not a valid RDS identifier: it may hold only letters, digits and hyphens, not '_'",
            "resource writer 'aurora-Bob_1-instance-1' is not a valid RDS identifier: it may hold only letters, digits and hyphens, not '_'",
            "resource snapshot 'aurora-Bob_1-snap1' is not a valid RDS identifier: it may hold only letters, digits and hyphens, not '_'",
            "resource snapshot_copy 'aurora-Bob_1-snap1-copy' is not a valid RDS identifier: it may hold only letters, digits and hyphens, not '_'",
            "resource restored 'aurora-Bob_1-restored' is not a valid RDS identifier: it may hold only letters, digits and hyphens, not '_'",
            "resource restored_writer 'aurora-Bob_1-restored-1' is not a valid RDS identifier: it may hold only letters, digits and hyphens, not '_'",
        ], result.Problems);
    }

    [Fact]
    public void A_missing_value_asks_with_the_prompt()
    {
        var problem = Assert.Single(Bind().Problems);

        Assert.Equal("variable 'yourname' needs a value (Your name, as it appears in your resource names (letters, digits and hyphens))", problem);
    }

    [Fact]
    public void A_value_must_match_the_whole_pattern_and_the_problem_quotes_the_prompt_not_the_pattern()
    {
        var problem = Assert.Single(Bind(("yourname", new string('b', 31))).Problems);

        Assert.Equal($"yourname: '{new string('b', 31)}' is not what it asks for: Your name, as it appears in your resource names (letters, digits and hyphens)", problem);
    }

    [Theory]
    [InlineData("05:00-05:45 please", "backup_window: '05:00-05:45 please' is not a time window like 05:00-05:45 (start-end, hh:mm, UTC)")]
    [InlineData("5:00-5:45", "backup_window: '5:00-5:45' is not a time window like 05:00-05:45 (start-end, hh:mm, UTC)")]
    [InlineData("05:00-05:10", "backup_window: '05:00-05:10' lasts 10 minutes; a backup window needs at least 30 minutes")]
    [InlineData("05:00-05:00", "backup_window: '05:00-05:00' lasts 0 minutes; a backup window needs at least 30 minutes")]
    public void A_backup_window_is_judged_by_RDS_rules_in_words(string window, string expected)
    {
        Assert.Equal(expected, Assert.Single(Bind(("yourname", "bob"), ("backup_window", window)).Problems));
    }

    [Theory]
    [InlineData("05:00-05:30")]
    [InlineData("23:45-00:15")]
    public void A_backup_window_of_at_least_30_minutes_passes_also_across_midnight(string window)
    {
        Assert.True(Bind(("yourname", "bob"), ("backup_window", window)).Succeeded);
    }

    [Fact]
    public void An_unknown_variable_is_a_problem_with_a_suggestion()
    {
        var problem = Assert.Single(Bind(("yourname", "bob"), ("yourname2", "x")).Problems);

        Assert.Equal("lab aurora-backup has no variable 'yourname2' (did you mean 'yourname'?)", problem);
    }

    [Fact]
    public void Assignments_split_at_the_first_equals_sign()
    {
        var (values, problems) = LearnerBinding.ParseAssignments(["yourname=bob", "note=a=b", "novalue", "=x"]);

        Assert.Equal(new Dictionary<string, string> { ["yourname"] = "bob", ["note"] = "a=b" }, values);
        Assert.Equal(["'novalue' is not NAME=VALUE", "'=x' is not NAME=VALUE"], problems);
    }

    private static LearnerBindingResult Bind(params (string Name, string Value)[] values) =>
        LearnerBinding.Bind(Aurora, values.ToDictionary(pair => pair.Name, pair => pair.Value));
}
