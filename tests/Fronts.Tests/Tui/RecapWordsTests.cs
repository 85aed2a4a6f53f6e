using LabRunner.Engine.Steps;
using LabRunner.Tui.Screens.Main;
using LabRunner.Tui.Screens.Recap;

namespace LabRunner.Fronts.Tests.Tui;

public sealed class RecapWordsTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(45, "45 s")]
    [InlineData(250, "4 min 10 s")]
    [InlineData(240, "4 min")]
    [InlineData(750, "12 min")]
    [InlineData(3900, "1 h 5 min")]
    public void Durations_read_naturally(int seconds, string expected) =>
        Assert.Equal(expected, StepText.Duration(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void One_step_is_one_step_and_nothing_created_offers_no_cleanup_line()
    {
        var lines = new RecapSummary(new StepTally(1, 1, 1, 1, 0, 0), Start, Start.AddSeconds(250), []).Lines(76);

        Assert.Equal(["✓ 1 of 1 checked step passed, 1 of 1 step you do yourself done.", "Time taken: 4 min 10 s (from 10:00 to 10:04 UTC)."], lines);
    }

    [Fact]
    public void Optional_steps_take_one_line_and_what_was_created_one_line_with_its_cleanup_key_wrapped_to_the_width()
    {
        var created = new[] { "aurora-alice-snap1", "aurora-alice-snap1-copy", "aurora-alice-restored", "aurora-alice-restored-1" };

        var lines = new RecapSummary(new StepTally(4, 4, 1, 1, 1, 3), Start, Start.AddSeconds(250), created).Lines(76);

        Assert.Equal(
        [
            "✓ 4 of 4 checked steps passed, 1 of 1 step you do yourself done.",
            "Time taken: 4 min 10 s (from 10:00 to 10:04 UTC).",
            "Optional: 1 of 3 steps done; b: back to the steps to try them.",
            "Created for you: aurora-alice-snap1, aurora-alice-snap1-copy,",
            "aurora-alice-restored, aurora-alice-restored-1; x cleans them up.",
        ], lines);
    }
}
