using LabRunner.Sandbox.Accounts;

namespace LabRunner.Sandbox.State;

/// <summary>
/// Every account the sandbox holds: the default one (the single-learner sandbox) and, for a class, one per learner,
/// each with resources of its own, as separate AWS accounts have. Identifiers stay unique across all of them, so the
/// instructor's view of the whole class, which merges them, names each resource once. Only reachable inside
/// <see cref="SandboxState"/>'s read and write calls.
/// </summary>
public sealed class AccountSet
{
    private readonly SortedDictionary<string, SandboxState.Resources> learners = new(StringComparer.Ordinal);
    private readonly AccountIndex index = AccountIndex.New();

    public AccountSet() => Default = NewResources();

    public SandboxState.Resources Default { get; }

    public IReadOnlyDictionary<string, SandboxState.Resources> Learners => learners;

    public ClassRoster? Class { get; set; }

    /// <summary>Set once, when the state is first saved (see <see cref="SandboxState.Identity"/>).</summary>
    public string? Identity { get; set; }

    /// <summary>The resources <paramref name="caller"/> may change: their own account's.</summary>
    /// <exception cref="InvalidOperationException">The caller owns no account (the instructor, a joining laptop): refused before any action runs.</exception>
    public SandboxState.Resources OwnedBy(Caller caller) => caller.Role switch
    {
        CallerRole.Local => Default,
        CallerRole.Learner => LearnerAccount(caller.Learner!),
        _ => throw new InvalidOperationException($"A {caller.Role} caller owns no account."),
    };

    /// <summary>What <paramref name="caller"/> sees: their own account, or for the instructor every account merged (a copy).</summary>
    public SandboxState.Resources VisibleTo(Caller caller) => caller.Role switch
    {
        CallerRole.Instructor => Merged(),
        CallerRole.Learner => learners.GetValueOrDefault(caller.Learner!) ?? NewResources(Class?.Learners.FirstOrDefault(learner => learner.Name == caller.Learner)?.AccountId),
        _ => OwnedBy(caller),
    };

    /// <summary>The learner's account, made (in account <paramref name="accountId"/>, else the roster's) when they have none yet.</summary>
    public SandboxState.Resources LearnerAccount(string learner, string? accountId = null)
    {
        if (!learners.TryGetValue(learner, out var resources))
            learners.Add(learner, resources = NewResources(accountId ?? Class?.Learners.FirstOrDefault(account => account.Name == learner)?.AccountId));
        return resources;
    }

    /// <summary>The id of <paramref name="caller"/>'s own account when it is a learner's; null for the sandbox's own.</summary>
    public string? AccountIdOf(Caller caller) => caller.Role == CallerRole.Learner
        ? (learners.GetValueOrDefault(caller.Learner!)?.AccountId ?? Class?.Learners.FirstOrDefault(learner => learner.Name == caller.Learner)?.AccountId)
        : null;

    /// <summary>Whether <paramref name="accountId"/> is a learner's account here (the sandbox's own is not).</summary>
    public bool IsLearnerAccount(string accountId) => Class?.Learners.Any(learner => learner.AccountId == accountId) ?? false;

    private IEnumerable<SandboxState.Resources> All => learners.Values.Prepend(Default);

    private SandboxState.Resources Merged()
    {
        var merged = new SandboxState.Resources(AccountIndex.New());
        foreach (var account in All)
            merged.Merge(account);
        return merged;
    }

    private SandboxState.Resources NewResources(string? accountId = null) => new(index, accountId);
}
