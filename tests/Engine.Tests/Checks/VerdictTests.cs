using LabRunner.Engine.Checks;
using LabRunner.Engine.Steps;

namespace LabRunner.Engine.Tests.Checks;

public class VerdictTests
{
    [Fact]
    public void An_error_outweighs_everything()
    {
        var combined = Verdict.Combine([Verdict.Failed("f"), Verdict.Error("e"), Verdict.Passed("p")]);

        Assert.Equal(Verdict.Error("e"), combined);
    }

    [Fact]
    public void A_failure_for_good_outweighs_one_that_may_still_change()
    {
        Assert.Equal(Verdict.Failed("for good"), Verdict.Combine([Verdict.NotYet("not yet"), Verdict.Failed("for good")]));
        Assert.Equal(Verdict.NotYet("not yet"), Verdict.Combine([Verdict.InProgress("going", 50), Verdict.NotYet("not yet")]));
    }

    [Fact]
    public void The_slowest_progress_is_the_steps_progress()
    {
        Assert.Equal(Verdict.InProgress("b", 10), Verdict.Combine([Verdict.InProgress("a", 80), Verdict.InProgress("b", 10), Verdict.Passed("c")]));
    }

    [Fact]
    public void All_passed_gives_every_reason()
    {
        Assert.Equal(new Verdict(StepStatus.Passed, "a; b"), Verdict.Combine([Verdict.Passed("a"), Verdict.Passed("b")]));
    }
}
