using LabRunner.Sandbox.Protocol;
using LabRunner.Sandbox.Rules;

namespace LabRunner.Rds.Tests.Sandbox;

public sealed class TimeWindowTests
{
    [Theory]
    [InlineData("07:10-07:40", 30)]
    [InlineData("23:45-00:30", 45)]
    [InlineData("00:00-23:59", 1439)]
    public void Daily_window_length_crosses_midnight(string text, int minutes) =>
        Assert.Equal(minutes, DailyWindow.Parse(text, "PreferredBackupWindow").LengthMinutes);

    [Theory]
    [InlineData("7:10-7:40")]
    [InlineData("24:00-00:30")]
    [InlineData("07:10/07:40")]
    [InlineData("07:60-08:30")]
    public void Malformed_daily_window_names_the_parameter(string text)
    {
        var fault = Assert.Throws<RdsFault>(() => DailyWindow.Parse(text, "PreferredBackupWindow"));
        Assert.Equal("InvalidParameterValue", fault.Code);
        Assert.Contains("PreferredBackupWindow", fault.Message);
        Assert.Contains("hh24:mi-hh24:mi", fault.Message);
    }

    [Fact]
    public void Daily_window_shorter_than_30_minutes_is_refused()
    {
        var fault = Assert.Throws<RdsFault>(() => DailyWindow.Parse("09:00-09:29", "PreferredBackupWindow"));
        Assert.Equal("The backup window must be at least 30 minutes.", fault.Message);
    }

    [Fact]
    public void Weekly_window_is_stored_in_lower_case() =>
        Assert.Equal("sun:09:00-sun:09:30", WeeklyWindow.Parse("Sun:09:00-SUN:09:30", "PreferredMaintenanceWindow").ToString());

    [Theory]
    [InlineData("07:10-07:40", "sun:09:00-sun:09:30", false)]
    [InlineData("09:15-09:45", "sun:09:00-sun:09:30", true)]
    [InlineData("08:30-09:00", "sun:09:00-sun:09:30", false)] // touching ends do not overlap
    [InlineData("08:30-09:01", "sun:09:00-sun:09:30", true)]
    [InlineData("23:50-00:20", "mon:00:10-mon:00:40", true)] // the backup window crosses midnight into Monday
    [InlineData("00:00-00:30", "sun:23:45-mon:00:15", true)] // the maintenance window wraps the week
    [InlineData("12:00-12:30", "sat:23:00-sun:02:00", false)]
    public void Overlap_is_checked_on_every_day_of_the_week(string backup, string maintenance, bool overlaps) =>
        Assert.Equal(overlaps, WeeklyWindow.Parse(maintenance, "m").Overlaps(DailyWindow.Parse(backup, "b")));

    [Fact]
    public void Next_start_is_strictly_after_the_instant()
    {
        var window = WeeklyWindow.Parse("sun:09:00-sun:09:30", "m");
        var monday = new DateTimeOffset(2025, 3, 3, 10, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2025, 3, 9, 9, 0, 0, TimeSpan.Zero), window.NextStartAfter(monday));
        Assert.Equal(new DateTimeOffset(2025, 3, 16, 9, 0, 0, TimeSpan.Zero), window.NextStartAfter(new DateTimeOffset(2025, 3, 9, 9, 0, 0, TimeSpan.Zero)));
    }
}
