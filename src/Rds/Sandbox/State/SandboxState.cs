using LabRunner.Sandbox.Accounts;

namespace LabRunner.Sandbox.State;

/// <summary>
/// Every resource the sandbox holds, per account (see <see cref="AccountSet"/>), keyed by lower-case identifier and
/// kept in identifier order (the order Describe calls page through). Thread-safe: all access goes through the read and
/// write calls; those without a <see cref="Caller"/> work on the default account.
/// With a state file, the file is the truth and other processes may change it at any time: a read first reloads the
/// file if it changed, and a write runs as read-modify-write under the file's lock, saved before
/// <see cref="WriteAccounts{T}"/> returns, so what a caller is told was done is on disk and no process undoes another's work.
/// </summary>
public sealed class SandboxState
{
    private readonly Lock gate = new();
    private readonly StateFile? file;
    private AccountSet accounts = new();
    private StateStamp? loaded;

    /// <exception cref="SandboxStateException">The state file exists but is not valid sandbox state.</exception>
    public SandboxState(StateFile? file)
    {
        this.file = file;
        Refresh();
        Identity = ReadAccounts(all => all.Identity) ?? WriteAccounts(all => all.Identity ??= SandboxIdentity.New());
    }

    /// <summary>
    /// Who this sandbox is, whatever address it listens on: kept in the state file, so a restart on another port is the
    /// same sandbox, and learners' progress against it (keyed by it) survives.
    /// </summary>
    public string Identity { get; }

    /// <summary>One account's mutable collections, only reachable inside the read and write calls.</summary>
    /// <param name="otherAccounts">The accounts whose identifiers a new resource must not take.</param>
    public sealed class Resources(Func<IEnumerable<Resources>> otherAccounts)
    {
        public SortedDictionary<string, ClusterRecord> Clusters { get; } = new(StringComparer.Ordinal);
        public SortedDictionary<string, InstanceRecord> Instances { get; } = new(StringComparer.Ordinal);
        public SortedDictionary<string, SnapshotRecord> Snapshots { get; } = new(StringComparer.Ordinal);

        public IEnumerable<InstanceRecord> MembersOf(string clusterId) =>
            Instances.Values.Where(instance => instance.ClusterId == clusterId);

        public bool ClusterIdTaken(string id) => Clusters.ContainsKey(id) || otherAccounts().Any(other => other.Clusters.ContainsKey(id));

        public bool InstanceIdTaken(string id) => Instances.ContainsKey(id) || otherAccounts().Any(other => other.Instances.ContainsKey(id));

        public bool SnapshotIdTaken(string id) => Snapshots.ContainsKey(id) || otherAccounts().Any(other => other.Snapshots.ContainsKey(id));
    }

    /// <summary>Reads the default account.</summary>
    /// <exception cref="SandboxStateException">The state file was replaced by something that is not sandbox state.</exception>
    public T Read<T>(Func<Resources, T> reader) => Read(Caller.Local, reader);

    /// <summary>Reads what <paramref name="caller"/> sees.</summary>
    /// <exception cref="SandboxStateException">The state file was replaced by something that is not sandbox state.</exception>
    public T Read<T>(Caller caller, Func<Resources, T> reader) => ReadAccounts(all => reader(all.VisibleTo(caller)));

    /// <exception cref="SandboxStateException">The state file was replaced by something that is not sandbox state.</exception>
    public T ReadAccounts<T>(Func<AccountSet, T> reader)
    {
        lock (gate)
        {
            Refresh();
            return reader(accounts);
        }
    }

    /// <summary>Changes the default account; see <see cref="WriteAccounts{T}"/>.</summary>
    public T Write<T>(Func<Resources, T> mutation) => Write(Caller.Local, mutation);

    /// <summary>Changes <paramref name="caller"/>'s own account; see <see cref="WriteAccounts{T}"/>.</summary>
    public T Write<T>(Caller caller, Func<Resources, T> mutation) => WriteAccounts(all => mutation(all.OwnedBy(caller)));

    /// <summary>
    /// Runs <paramref name="mutation"/> alone, on the newest state, then saves. When the mutation throws, nothing is
    /// saved; with a state file, what it changed is forgotten too.
    /// </summary>
    /// <exception cref="SandboxStateException">The state file was replaced by something that is not sandbox state.</exception>
    /// <exception cref="IOException">The state could not be saved, or another process held its lock for too long.</exception>
    public T WriteAccounts<T>(Func<AccountSet, T> mutation)
    {
        lock (gate)
        {
            if (file is null)
                return mutation(accounts);
            using var exclusive = file.Lock();
            Refresh();
            T result;
            try
            {
                result = mutation(accounts);
            }
            catch
            {
                // A mutation that failed part-way may have left a change behind: the next access reloads what was saved.
                loaded = null;
                throw;
            }
            try
            {
                var generation = Math.Max(0, loaded?.Generation ?? 0) + 1;
                loaded = file.Save(StateDocument.From(accounts, generation));
            }
            catch
            {
                // The accounts hold a change the file does not: the next access reloads what really is.
                loaded = null;
                throw;
            }
            return result;
        }
    }

    /// <summary>Takes the file's state if another process (or a person) changed it since this one last read or wrote it.</summary>
    private void Refresh()
    {
        if (file?.LoadIfChanged(loaded) is not { } newer)
            return;
        accounts = newer.Accounts;
        loaded = newer.Stamp;
    }
}
