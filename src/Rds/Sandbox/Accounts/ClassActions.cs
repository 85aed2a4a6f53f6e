using System.Globalization;
using System.Xml;
using LabRunner.Content.Learners;
using LabRunner.Sandbox.Http;
using LabRunner.Sandbox.Operations;
using LabRunner.Sandbox.Protocol;
using LabRunner.Sandbox.Seeding;
using LabRunner.Sandbox.State;

namespace LabRunner.Sandbox.Accounts;

/// <summary>
/// LabRunner's own actions for a class, beside RDS's: <c>LabRunnerAddLearners</c> (the instructor, while the class runs:
/// each new learner gets a key, a join code and the lab's starting resources) and <c>LabRunnerJoin</c> (a learner's
/// laptop, unsigned: the code is the credential, redeemed once for the learner's key), and <c>LabRunnerReissueCode</c>
/// (the instructor: a learner who lost or let expire their code gets a new one, and on request a new key).
/// </summary>
public sealed class ClassActions(SandboxServices services, FixtureSeeder seeder)
{
    public const string AddLearnersAction = "LabRunnerAddLearners";
    public const string JoinAction = "LabRunnerJoin";
    public const string ReissueAction = "LabRunnerReissueCode";
    /// <summary>Enough for <c>serve --class --learners</c> to add the largest class in one request, all or nothing.</summary>
    public const int MaxLearnersPerRequest = 5000;

    public IEnumerable<KeyValuePair<string, ActionHandler>> Handlers() =>
    [
        new(AddLearnersAction, AddLearners),
        new(JoinAction, Join),
        new(ReissueAction, Reissue),
    ];

    /// <summary>Which caller may call <paramref name="action"/>, for a class action; null for any other action.</summary>
    public static CallerRole? OnlyFor(string action) => action switch
    {
        AddLearnersAction or ReissueAction => CallerRole.Instructor,
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
            var accountIds = roster.Learners.Select(learner => learner.AccountId).OfType<string>().Append(services.Options.AccountId).ToHashSet(StringComparer.Ordinal);
            foreach (var (name, seed) in seeds)
            {
                var accountId = ClassSecrets.NewAccountId(accountIds);
                accountIds.Add(accountId);
                var account = accounts.LearnerAccount(name, accountId);
                seed(account);
                Mark(account, LearnerTags.Seeded, request.Now);
                var code = ClassSecrets.NewJoinCode();
                accountsAdded.Add(new LearnerAccount(name, ClassSecrets.NewKey("LRKL"), ClassSecrets.HashOf(code), expiresAt, AccountId: accountId));
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

    /// <summary>
    /// A new join code for a learner (the old one stops joining), and with <c>NewKey=true</c> a new key (the old one
    /// stops signing). Their account and resources are theirs by name, so they stay.
    /// </summary>
    private Action<XmlWriter> Reissue(ActionRequest request)
    {
        var name = request.Parameters.Required("Learner");
        var newKey = request.Parameters.OptionalBool("NewKey") ?? false;
        var code = ClassSecrets.NewJoinCode();
        var expiresAt = request.Now + services.Options.JoinCodeLifetime;
        services.State.WriteAccounts(accounts =>
        {
            var roster = accounts.Class ?? throw NoClass();
            var found = roster.Learners.FirstOrDefault(learner => learner.Name == name)
                ?? throw new RdsFault("LearnerNotFound", $"The class has no learner named '{name}': add them with 'labrunner sandbox add-learners {name}'.", 404);
            var reissued = found with
            {
                Key = newKey ? ClassSecrets.NewKey("LRKL") : found.Key,
                JoinCodeHash = ClassSecrets.HashOf(code),
                JoinCodeExpiresAt = expiresAt,
                JoinedAt = null,
            };
            accounts.Class = roster with { Learners = [.. roster.Learners.Select(learner => ReferenceEquals(learner, found) ? reissued : learner)] };
            return reissued;
        });
        return writer =>
        {
            writer.Element("Name", name);
            writer.Element("JoinCode", code);
            writer.Element("ExpiresAt", expiresAt);
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
            Mark(accounts.LearnerAccount(found.Name), LearnerTags.Joined, request.Now);
            accounts.Class = roster with { Learners = [.. roster.Learners.Select(candidate => ReferenceEquals(candidate, found) ? joined : candidate)] };
            return (roster.Name, joined);
        });
        return writer =>
        {
            writer.Element("ClassName", className);
            writer.Element("Learner", learner.Name);
            writer.Element("AccessKeyId", learner.Key.AccessKeyId);
            writer.Element("SecretAccessKey", learner.Key.SecretAccessKey);
            writer.Element("AccountId", learner.AccountId ?? services.Options.AccountId);
            writer.Element("Region", services.Options.Region);
        };
    }

    /// <summary>
    /// Tags each of the learner's clusters with <paramref name="key"/> = <paramref name="at"/>: the class view counts a
    /// learner as stuck only from the later of these times and their last change, never for a wait before they could start.
    /// </summary>
    private static void Mark(SandboxState.Resources account, string key, DateTimeOffset at)
    {
        foreach (var cluster in account.Clusters.Values.ToList())
            account.Clusters[cluster.Id] = cluster with { Tags = [.. cluster.Tags.Where(tag => tag.Key != key), new TagRecord(key, LearnerTags.TimeText(at))] };
    }

    private static RdsFault NoClass() =>
        new("InvalidAction", "This sandbox serves no class: start it with 'labrunner sandbox serve --class NAME'.");
}
