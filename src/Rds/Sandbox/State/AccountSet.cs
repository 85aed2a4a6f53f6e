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
        CallerRole.Learner => learners.GetValueOrDefault(caller.Learner!) ?? NewResources(),
        _ => OwnedBy(caller),
    };

    public SandboxState.Resources LearnerAccount(string learner)
    {
        if (!learners.TryGetValue(learner, out var resources))
            learners.Add(learner, resources = NewResources());
        return resources;
    }

    private IEnumerable<SandboxState.Resources> All => learners.Values.Prepend(Default);

    private SandboxState.Resources Merged()
    {
        var merged = new SandboxState.Resources(() => []);
        foreach (var account in All)
        {
            foreach (var (id, cluster) in account.Clusters)
                merged.Clusters.TryAdd(id, cluster);
            foreach (var (id, instance) in account.Instances)
                merged.Instances.TryAdd(id, instance);
            foreach (var (id, snapshot) in account.Snapshots)
                merged.Snapshots.TryAdd(id, snapshot);
        }
        return merged;
    }

    private SandboxState.Resources NewResources()
    {
        SandboxState.Resources? made = null;
        made = new SandboxState.Resources(() => All.Where(account => !ReferenceEquals(account, made)));
        return made;
    }
}
