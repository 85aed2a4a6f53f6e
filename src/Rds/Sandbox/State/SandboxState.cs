namespace LabRunner.Sandbox.State;

/// <summary>
/// Every resource the sandbox holds, keyed by lower-case identifier and kept in identifier order (the order
/// Describe calls page through). Thread-safe: all access goes through <see cref="Read{T}"/> or <see cref="Write{T}"/>.
/// With a state file, the file is the truth and other processes may change it at any time: a read first reloads the
/// file if it changed, and a write runs as read-modify-write under the file's lock, saved before
/// <see cref="Write{T}"/> returns, so what a caller is told was done is on disk and no process undoes another's work.
/// </summary>
public sealed class SandboxState
{
    private readonly Lock gate = new();
    private readonly StateFile? file;
    private Resources resources = new();
    private StateStamp? loaded;

    /// <exception cref="SandboxStateException">The state file exists but is not valid sandbox state.</exception>
    public SandboxState(StateFile? file)
    {
        this.file = file;
        Refresh();
        Identity = Read(resources => resources.Identity) ?? Write(resources => resources.Identity ??= SandboxIdentity.New());
    }

    /// <summary>
    /// Who this sandbox is, whatever address it listens on: kept in the state file, so a restart on another port is the
    /// same sandbox, and learners' progress against it (keyed by it) survives.
    /// </summary>
    public string Identity { get; }

    /// <summary>The mutable collections, only reachable inside <see cref="Read{T}"/> and <see cref="Write{T}"/>.</summary>
    public sealed class Resources
    {
        public SortedDictionary<string, ClusterRecord> Clusters { get; } = new(StringComparer.Ordinal);
        public SortedDictionary<string, InstanceRecord> Instances { get; } = new(StringComparer.Ordinal);
        public SortedDictionary<string, SnapshotRecord> Snapshots { get; } = new(StringComparer.Ordinal);

        /// <summary>Set once, when the state is first saved (see <see cref="SandboxState.Identity"/>).</summary>
        public string? Identity { get; set; }

        public IEnumerable<InstanceRecord> MembersOf(string clusterId) =>
            Instances.Values.Where(instance => instance.ClusterId == clusterId);
    }

    /// <exception cref="SandboxStateException">The state file was replaced by something that is not sandbox state.</exception>
    public T Read<T>(Func<Resources, T> reader)
    {
        lock (gate)
        {
            Refresh();
            return reader(resources);
        }
    }

    /// <summary>
    /// Runs <paramref name="mutation"/> alone, on the newest state, then saves. An exception thrown by the mutation must
    /// leave the resources untouched; then nothing is saved.
    /// </summary>
    /// <exception cref="SandboxStateException">The state file was replaced by something that is not sandbox state.</exception>
    /// <exception cref="IOException">The state could not be saved, or another process held its lock for too long.</exception>
    public T Write<T>(Func<Resources, T> mutation)
    {
        lock (gate)
        {
            if (file is null)
                return mutation(resources);
            using var exclusive = file.Lock();
            Refresh();
            var result = mutation(resources);
            try
            {
                var generation = Math.Max(0, loaded?.Generation ?? 0) + 1;
                loaded = file.Save(StateDocument.From(resources, generation));
            }
            catch
            {
                // The resources hold a change the file does not: the next access reloads what really is.
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
        resources = newer.Resources;
        loaded = newer.Stamp;
    }
}
