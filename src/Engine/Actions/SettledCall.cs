using LabRunner.Rds;

namespace LabRunner.Engine.Actions;

/// <summary>An RDS call that may find its work already done: a create that finds the resource, a delete that finds it gone.</summary>
internal static class SettledCall
{
    /// <summary>True when <paramref name="call"/> changed something, false when RDS answered <paramref name="alreadySo"/> (nothing to do).</summary>
    public static async Task<bool> ChangedAsync<T>(Func<Task<T>> call, RdsErrorKind alreadySo)
    {
        try
        {
            await call();
            return true;
        }
        catch (RdsException answered) when (answered.Kind == alreadySo)
        {
            return false;
        }
    }
}
