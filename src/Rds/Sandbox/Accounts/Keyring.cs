using LabRunner.Sandbox.State;

namespace LabRunner.Sandbox.Accounts;

/// <summary>
/// The keys the sandbox verifies signatures with, and whose each one is: the keys it was started with (the default
/// account's), and when it serves a class the instructor's and every learner's from the class roster, which grows
/// while the class runs. Thread-safe.
/// </summary>
public sealed class Keyring(IReadOnlyList<AccessKey> startingKeys, SandboxState state, bool servesClass)
{
    private readonly Lock gate = new();
    private ClassRoster? indexedRoster;
    private Dictionary<string, (string Secret, Caller Caller)> classKeys = new(StringComparer.Ordinal);

    /// <summary>Whether requests must be signed with one of these keys; without any, the sandbox accepts any POST.</summary>
    public bool VerifiesSignatures => servesClass || startingKeys.Count > 0;

    /// <summary>The secret of <paramref name="accessKeyId"/> and who signs with it, or null for a key the sandbox does not know.</summary>
    public (string Secret, Caller Caller)? Find(string accessKeyId)
    {
        foreach (var key in startingKeys)
        {
            if (key.AccessKeyId == accessKeyId)
                return (key.SecretAccessKey, Caller.Local);
        }
        return servesClass && ClassKeys().TryGetValue(accessKeyId, out var found) ? found : null;
    }

    private Dictionary<string, (string Secret, Caller Caller)> ClassKeys()
    {
        var roster = state.ReadAccounts(accounts => accounts.Class);
        lock (gate)
        {
            if (!ReferenceEquals(roster, indexedRoster))
            {
                classKeys = Index(roster);
                indexedRoster = roster;
            }
            return classKeys;
        }
    }

    private static Dictionary<string, (string Secret, Caller Caller)> Index(ClassRoster? roster)
    {
        var keys = new Dictionary<string, (string Secret, Caller Caller)>(StringComparer.Ordinal);
        if (roster is null)
            return keys;
        keys[roster.Instructor.AccessKeyId] = (roster.Instructor.SecretAccessKey, Caller.Instructor);
        foreach (var learner in roster.Learners)
            keys[learner.Key.AccessKeyId] = (learner.Key.SecretAccessKey, Caller.OfLearner(learner.Name));
        return keys;
    }
}
