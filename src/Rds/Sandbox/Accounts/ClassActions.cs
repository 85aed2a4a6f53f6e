using System.Globalization;
using System.Xml;
using LabRunner.Sandbox.Http;
using LabRunner.Sandbox.Operations;
using LabRunner.Sandbox.Protocol;
using LabRunner.Sandbox.Seeding;

namespace LabRunner.Sandbox.Accounts;

/// <summary>
/// LabRunner's own actions for a class, beside RDS's: <c>LabRunnerAddLearners</c> (the instructor, while the class runs:
/// each new learner gets a key, a join code and the lab's starting resources) and <c>LabRunnerJoin</c> (a learner's
/// laptop, unsigned: the code is the credential, redeemed once for the learner's key).
/// </summary>
public sealed class ClassActions(SandboxServices services, FixtureSeeder seeder)
{
    public const string AddLearnersAction = "LabRunnerAddLearners";
    public const string JoinAction = "LabRunnerJoin";
    public const int MaxLearnersPerRequest = 1000;

    public IEnumerable<KeyValuePair<string, ActionHandler>> Handlers() =>
    [
        new(AddLearnersAction, AddLearners),
        new(JoinAction, Join),
    ];

    /// <summary>Which caller may call <paramref name="action"/>, for a class action; null for any other action.</summary>
    public static CallerRole? OnlyFor(string action) => action switch
    {
        AddLearnersAction => CallerRole.Instructor,
        JoinAction => CallerRole.Joining,
        _ => null,
    };

    private Action<XmlWriter> AddLearners(ActionRequest request)
    {
        var names = request.Parameters.List("Learners", "member");
        if (names.Count == 0)
            throw RdsFault.MissingParameter("Learners.member.1");
        if (names.Count > MaxLearnersPerRequest)
            throw RdsFault.InvalidParameterValue($"At most {MaxLearnersPerRequest} learners may be added in one request, not {names.Count}.");
        if (names.GroupBy(name => name, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1) is { } repeated)
            throw RdsFault.InvalidParameterValue($"The learner '{repeated.Key}' is named twice.");
        var seeds = names.Select(name => (name, seed: seeder.Plan(FixturesOf(name)))).ToList();
        var expiresAt = request.Now + services.Options.JoinCodeLifetime;
        var invited = services.State.WriteAccounts(accounts =>
        {
            var roster = accounts.Class ?? throw NoClass();
            var known = roster.Learners.Select(learner => learner.Name).ToHashSet(StringComparer.Ordinal);
            if (names.FirstOrDefault(known.Contains) is { } taken)
                throw new RdsFault("LearnerAlreadyExists", $"The class already has a learner named '{taken}': nothing was added. Give the new learner another name.", 409);
            var invitations = new List<(string Name, string Code)>();
            var accountsAdded = new List<LearnerAccount>();
            foreach (var (name, seed) in seeds)
            {
                seed(accounts.LearnerAccount(name));
                var code = ClassSecrets.NewJoinCode();
                accountsAdded.Add(new LearnerAccount(name, ClassSecrets.NewKey("LRKL"), ClassSecrets.HashOf(code), expiresAt));
                invitations.Add((name, code));
            }
            accounts.Class = roster with { Learners = [.. roster.Learners, .. accountsAdded] };
            return invitations;
        });
        return writer =>
        {
            writer.List("Learners", "member", invited, (element, invitation) =>
            {
                element.Element("Name", invitation.Name);
                element.Element("JoinCode", invitation.Code);
                element.Element("ExpiresAt", expiresAt);
            });
        };
    }

    private IReadOnlyList<SeedSpec> FixturesOf(string name)
    {
        try
        {
            return services.Options.LearnerFixtures?.Invoke(name) ?? [];
        }
        catch (ArgumentException problem)
        {
            throw RdsFault.InvalidParameterValue($"The learner '{name}' cannot be added: {problem.Message}");
        }
        catch (FixtureException problem)
        {
            throw RdsFault.InvalidParameterValue($"The learner '{name}' cannot be added: {problem.Message}");
        }
    }

    /// <summary>Refused before the code is looked at when the clocks disagree: the key would be refused at once anyway.</summary>
    private Action<XmlWriter> Join(ActionRequest request)
    {
        var code = request.Parameters.Required("JoinCode");
        var clientTimeText = request.Parameters.Required("ClientTime");
        if (!DateTimeOffset.TryParse(clientTimeText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var clientTime))
            throw RdsFault.InvalidParameterValue($"Invalid value '{clientTimeText}' for ClientTime: expected an ISO 8601 time.");
        var skew = clientTime - request.Now;
        if (skew.Duration() > SignatureVerifier.Window)
            throw new RdsFault("RequestTimeTooSkewed", $"This computer's clock says {clientTime.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC and the sandbox's {request.Now.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC: {Math.Round(skew.Duration().TotalMinutes)} minutes apart, more than the 15 minutes a signed request may be off. Set the clock right (automatic date and time) and join again.", 403);
        var hash = ClassSecrets.HashOf(code);
        var (className, learner) = services.State.WriteAccounts(accounts =>
        {
            var roster = accounts.Class ?? throw NoClass();
            var found = roster.Learners.FirstOrDefault(candidate => candidate.JoinCodeHash == hash)
                ?? throw new RdsFault("JoinCodeNotFound", "No learner of this class has that join code: check it against the line your instructor gave you.", 404);
            if (found.JoinedAt is { } joinedAt)
                throw new RdsFault("JoinCodeUsed", $"This join code was already used, at {joinedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC: a code joins once. Ask your instructor for a new learner name and code.", 403);
            if (request.Now > found.JoinCodeExpiresAt)
                throw new RdsFault("JoinCodeExpired", $"This join code expired at {found.JoinCodeExpiresAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC. Ask your instructor for a new learner name and code.", 403);
            var joined = found with { JoinedAt = request.Now };
            accounts.Class = roster with { Learners = [.. roster.Learners.Select(candidate => ReferenceEquals(candidate, found) ? joined : candidate)] };
            return (roster.Name, joined);
        });
        return writer =>
        {
            writer.Element("ClassName", className);
            writer.Element("Learner", learner.Name);
            writer.Element("AccessKeyId", learner.Key.AccessKeyId);
            writer.Element("SecretAccessKey", learner.Key.SecretAccessKey);
            writer.Element("Region", services.Options.Region);
        };
    }

    private static RdsFault NoClass() =>
        new("InvalidAction", "This sandbox serves no class: start it with 'labrunner sandbox serve --class NAME'.");
}
