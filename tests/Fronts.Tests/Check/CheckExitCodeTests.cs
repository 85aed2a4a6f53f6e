using LabRunner.Cli;
using LabRunner.Cli.Commands;
using LabRunner.Engine.Steps;

namespace LabRunner.Fronts.Tests.Check;

/// <summary>check's exit code and what --wait waits for: the required steps decide; an optional step never fails it nor holds it up unless under way.</summary>
public sealed class CheckExitCodeTests
{
    private static readonly StepResult Passed = new("find-cluster", StepStatus.Passed, "cluster aurora-alice-cluster is available");

    private static readonly StepResult Unreadable = new("share-snapshot", StepStatus.Error, "could not read who snapshot aurora-alice-snap1 is shared with: AccessDenied");

    [Fact]
    public void An_optional_step_whose_state_could_not_be_read_does_not_fail_the_check()
    {
        Assert.Equal(ExitCodes.Ok, CheckCommand.ExitCodeOf([Passed, Unreadable with { Optional = true }]));
    }

    [Fact]
    public void A_required_step_whose_state_could_not_be_read_is_a_target_error()
    {
        Assert.Equal(ExitCodes.Target, CheckCommand.ExitCodeOf([Passed, Unreadable]));
    }

    [Fact]
    public void Wait_waits_for_an_unsettled_required_step_but_for_an_optional_one_only_once_it_is_under_way()
    {
        var notThereYet = new StepResult("copy-snapshot", StepStatus.Failed, "snapshot aurora-alice-snap1-copy not found", Settled: false) { Waits = true };

        Assert.True(CheckCommand.ToWaitFor(notThereYet));
        Assert.False(CheckCommand.ToWaitFor(notThereYet with { Optional = true }));
        Assert.True(CheckCommand.ToWaitFor(notThereYet with { Optional = true, Status = StepStatus.InProgress, Percent = 40 }));
    }
}
