namespace LabRunner.Sandbox.State;

/// <summary>
/// Every resource the sandbox holds, keyed by lower-case identifier and kept in identifier order (the order
/// Describe calls page through). Thread-safe: all access goes through <see cref="Read{T}"/> or <see cref="Write{T}"/>,
/// and a write is persisted (when a state file is configured) before <see cref="Write{T}"/> returns.
/// </summary>
public sealed class SandboxState
{
    private readonly Lock gate = new();
    private readonly Lock saveGate = new();
    private readonly Resources resources;
    private readonly StateFile? file;
    private long version;
    private long savedVersion;

    public SandboxState(StateFile? file)
    {
        this.file = file;
        resources = file?.Load() ?? new Resources();
    }

    /// <summary>The mutable collections, only reachable inside <see cref="Read{T}"/> and <see cref="Write{T}"/>.</summary>
    public sealed class Resources
    {
        public SortedDictionary<string, ClusterRecord> Clusters { get; } = new(StringComparer.Ordinal);
        public SortedDictionary<string, InstanceRecord> Instances { get; } = new(StringComparer.Ordinal);
        public SortedDictionary<string, SnapshotRecord> Snapshots { get; } = new(StringComparer.Ordinal);

        public IEnumerable<InstanceRecord> MembersOf(string clusterId) =>
            Instances.Values.Where(instance => instance.ClusterId == clusterId);
    }

    public T Read<T>(Func<Resources, T> reader)
    {
        lock (gate)
            return reader(resources);
    }

    /// <summary>Runs <paramref name="mutation"/> alone, then saves. An exception thrown by the mutation must leave the resources untouched.</summary>
    public T Write<T>(Func<Resources, T> mutation)
    {
        T result;
        lock (gate)
        {
            result = mutation(resources);
            version++;
        }
        Persist();
        return result;
    }

    /// <summary>Saves the newest state unless a concurrent save already has; writes coalesce under load.</summary>
    public void Persist()
    {
        if (file is null)
            return;
        lock (saveGate)
        {
            StateDocument document;
            long capturedVersion;
            lock (gate)
            {
                if (version == savedVersion)
                    return;
                capturedVersion = version;
                document = StateDocument.From(resources);
            }
            file.Save(document);
            savedVersion = capturedVersion;
        }
    }
}
