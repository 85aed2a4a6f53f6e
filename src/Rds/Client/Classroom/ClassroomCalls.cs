using System.Globalization;
using System.Xml.Linq;
using LabRunner.Rds.Protocol;

namespace LabRunner.Rds;

/// <summary>A learner added to a class: their name and the single-use code that joins them, until <paramref name="ExpiresAt"/>.</summary>
public sealed record LearnerInvitation(string Name, string JoinCode, DateTimeOffset ExpiresAt);

/// <summary>What redeeming a join code gives a learner's laptop. <see cref="SecretAccessKey"/> is sent once: store it, never show or log it.</summary>
public sealed record JoinedLearner(string ClassName, string Learner, string AccessKeyId, string SecretAccessKey, string Region);

/// <summary>LabRunner's own class actions on a class sandbox (<c>labrunner sandbox serve --class</c>), beside RDS's.</summary>
public sealed partial class RdsQueryClient
{
    /// <summary>Adds learners to the running class (the instructor's key): each gets a key, a join code and the lab's starting resources.</summary>
    public Task<IReadOnlyList<LearnerInvitation>> AddLearnersAsync(IReadOnlyList<string> names, CancellationToken cancellationToken = default)
    {
        var form = new RequestForm("LabRunnerAddLearners");
        for (var index = 0; index < names.Count; index++)
            form.Add($"Learners.member.{index + 1}", names[index]);
        return transport.CallAsync(form, ReadInvitations, cancellationToken);
    }

    /// <summary>Redeems a join code; <paramref name="clientTime"/> lets the sandbox refuse a clock its signatures would not accept.</summary>
    public Task<JoinedLearner> JoinAsync(string joinCode, DateTimeOffset clientTime, CancellationToken cancellationToken = default) =>
        transport.CallAsync(
            new RequestForm("LabRunnerJoin").Add("JoinCode", joinCode).Add("ClientTime", clientTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
            result => new JoinedLearner(result.RequiredString("ClassName"), result.RequiredString("Learner"), result.RequiredString("AccessKeyId"), result.RequiredString("SecretAccessKey"), result.RequiredString("Region")),
            cancellationToken);

    private static IReadOnlyList<LearnerInvitation> ReadInvitations(XElement result) =>
        result.List("Learners", "member", member => new LearnerInvitation(
            member.RequiredString("Name"),
            member.RequiredString("JoinCode"),
            DateTimeOffset.Parse(member.RequiredString("ExpiresAt"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)));
}
