using LabRunner.Engine.Learners;

namespace LabRunner.Engine.Actions;

/// <summary>Actions only ever touch resources the lab's templates name for this learner.</summary>
public static class ResourceGuard
{
    /// <summary>Why <paramref name="action"/> must not run for <paramref name="learner"/>, or null when it may.</summary>
    public static string? Refusal(IAction action, Learner learner)
    {
        var foreign = action.Identifiers.FirstOrDefault(identifier => !learner.Owns(identifier));
        return foreign is null
            ? null
            : $"refused to {action.Summary}: {foreign} is not one of this learner's lab resources ({string.Join(", ", learner.Resources.Values)})";
    }
}
