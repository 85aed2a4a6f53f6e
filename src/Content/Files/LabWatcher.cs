namespace LabRunner.Content.Files;

/// <summary>
/// Watches a lab's folder (lab.yaml, pages, images, subfolders) and raises <see cref="Changed"/> once a save is over
/// (no event for the <see cref="Debouncer"/>'s quiet period). A watcher that overflows counts as a change: reloading is
/// always safe.
/// </summary>
public sealed class LabWatcher : IDisposable
{
    public static readonly TimeSpan DefaultQuiet = TimeSpan.FromMilliseconds(300);

    private readonly FileSystemWatcher watcher;
    private readonly Debouncer debouncer;

    public LabWatcher(string folder, TimeProvider time, TimeSpan quiet)
    {
        debouncer = new Debouncer(time, quiet);
        debouncer.Fired += () => Changed?.Invoke();
        watcher = new FileSystemWatcher(folder)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        watcher.Changed += (_, _) => debouncer.Poke();
        watcher.Created += (_, _) => debouncer.Poke();
        watcher.Deleted += (_, _) => debouncer.Poke();
        watcher.Renamed += (_, _) => debouncer.Poke();
        watcher.Error += (_, _) => debouncer.Poke();
        watcher.EnableRaisingEvents = true;
    }

    public event Action? Changed;

    public void Dispose()
    {
        watcher.Dispose();
        debouncer.Dispose();
    }
}
