using LabRunner.Content.Kinds;
using LabRunner.Content.Learners;
using LabRunner.Content.Model;
using LabRunner.Content.Templates;
using LabRunner.Content.Tests.Support;

namespace LabRunner.Content.Tests;

public sealed class SpecBindingTests
{
    private static readonly Lab Aurora = Labs.AuroraBackup();
    private static readonly Learner Bob = LearnerBinding.Bind(Aurora, new Dictionary<string, string> { ["yourname"] = "Bob" }).Learner!;

    [Fact]
    public void A_bound_action_has_rendered_typed_values_with_identifiers_in_lower_case()
    {
        var perform = Aurora.FindStep("modify-backup-window")!.Perform!;

        var spec = SpecBinding.Bind(perform, KindRole.Action, Bob.Values).Spec!;

        Assert.Equal("aurora-bob-cluster", spec.Required("cluster"));
        Assert.Equal("05:00-05:45", spec.Text("backup-window"));
        Assert.True(spec.Flag("apply-immediately"));
        Assert.Null(spec.Number("retention"));
    }

    [Fact]
    public void A_fixture_binds_its_numbers()
    {
        var spec = SpecBinding.Bind(Aurora.Fixtures[0], KindRole.Fixture, Bob.Values).Spec!;

        Assert.Equal((1, "aurora-bob-instance-1"), (spec.Number("retention"), spec.Required("writer-instance")));
    }

    [Fact]
    public void A_value_that_renders_badly_is_a_problem_naming_the_parameter()
    {
        var values = Bob.Values.With("backup_window", "5am");

        var result = SpecBinding.Bind(Aurora.FindStep("modify-backup-window")!.Perform!, KindRole.Action, values);

        Assert.Null(result.Spec);
        Assert.Equal(["parameter 'backup-window' of action modify-db-cluster: '5am' is not a daily UTC window hh24:mi-hh24:mi such as 05:00-05:45, at least 30 minutes long"], result.Problems);
    }

    [Fact]
    public void A_placeholder_without_a_value_is_a_problem()
    {
        var result = SpecBinding.Bind(Aurora.Cleanup[^1], KindRole.Action, new PlaceholderValues([]));

        Assert.Equal(["parameter 'snapshot' of action delete-db-cluster-snapshot: '{snapshot}' has no value"], result.Problems);
    }

    [Fact]
    public void Asking_for_a_parameter_the_kind_does_not_have_is_a_programming_error()
    {
        var spec = SpecBinding.Bind(Aurora.Cleanup[^1], KindRole.Action, Bob.Values).Spec!;

        Assert.Throws<ArgumentException>(() => spec.Text("cluster"));
    }
}
