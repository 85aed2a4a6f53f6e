using System.Globalization;

namespace LabRunner.Content.Learners;

/// <summary>
/// The tags LabRunner keeps on a learner's own cluster, which the class view reads in its one Describe pass (on real RDS
/// as on the sandbox): each holds a UTC time, ISO 8601 to the second.
/// </summary>
public static class LearnerTags
{
    /// <summary><c>labrunner:ack:STEPID</c>: when the learner acknowledged a manual step.</summary>
    public const string AcknowledgedPrefix = "labrunner:ack:";

    /// <summary>When the learner's starting resources were made for them (a class sandbox sets it on adding a learner).</summary>
    public const string Seeded = "labrunner:seeded";

    /// <summary>When the learner joined the class (a class sandbox sets it when their code is redeemed).</summary>
    public const string Joined = "labrunner:joined";

    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public static string TimeText(DateTimeOffset at) => at.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    /// <summary>The time a tag's value holds, or null when it is not one in <see cref="TimeText"/>'s form.</summary>
    public static DateTimeOffset? TimeOf(string value) =>
        DateTimeOffset.TryParseExact(value, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
}
