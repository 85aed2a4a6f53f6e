namespace LabRunner.Engine.Waiting;

/// <summary>Reports on the reporting thread, in order (unlike <see cref="Progress{T}"/>, which posts to a context or the thread pool).</summary>
public sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
