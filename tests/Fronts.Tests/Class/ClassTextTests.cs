using LabRunner.Engine.Class;
using LabRunner.Engine.State;
using LabRunner.Rds;
using LabRunner.TestSupport.Class;
using LabRunner.Tui.Class;

namespace LabRunner.Fronts.Tests.Class;

/// <summary>The status line tells the instructor how fresh the grid is and what the refresh is doing.</summary>
public sealed class ClassTextTests
{
    private static readonly DateTimeOffset Read = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(10);
    private static readonly ClassBoard Board = new(SeededClass.Lab, [], Read, new Dictionary<ResourceKind, RdsException>(), 2);

    [Fact]
    public void Before_the_first_read_it_says_there_is_no_data()
    {
        Assert.Equal(" no data yet · every 10 s · 0 requests · refreshing…",
            ClassText.Status(ClassStatus.Initial with { Refreshing = true }, Read, Every));
    }

    [Fact]
    public void A_good_board_shows_when_it_was_read_and_how_long_ago()
    {
        Assert.Equal(" refreshed 09:00:00 UTC, 7 s ago · 0 learners · every 10 s · 12 requests",
            ClassText.Status(ClassStatus.Initial with { Board = Board, Requests = 12 }, Read.AddSeconds(7), Every));
    }

    [Fact]
    public void Throttling_shows_while_the_client_retries()
    {
        var throttled = ClassStatus.Initial with { Board = Board, Requests = 14, Refreshing = true, Throttled = true };

        Assert.EndsWith(" · 14 requests · THROTTLED, retrying…", ClassText.Status(throttled, Read.AddSeconds(3), Every));
    }

    [Fact]
    public void A_failed_refresh_is_named_and_the_grid_on_show_is_the_last_good_one_with_its_age()
    {
        var failed = ClassStatus.Initial with { Board = Board, Requests = 20, Failure = "could not read DB clusters: Rate exceeded", FailedAt = Read.AddMinutes(2) };

        Assert.Equal(" refreshed 09:00:00 UTC, 2 min ago · 0 learners · every 10 s · 20 requests", ClassText.Status(failed, Read.AddMinutes(2), Every));
        Assert.Equal(" REFRESH FAILED at 09:02:00: could not read DB clusters: Rate exceeded (showing the last good read)", ClassText.Failure(failed));
    }
}
