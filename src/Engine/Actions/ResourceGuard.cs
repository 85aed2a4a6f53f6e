using LabRunner.Content.Learners;

namespace LabRunner.Engine.Actions;

/// <summary>
/// Actions only ever touch the learner's own resources: names the lab builds from the learner's name alone, which no
/// other learner's name produces (see <see cref="Learner.WhyNotTheirs"/>). Checked before any API call, whatever the lab says.
/// </summary>
public static class ResourceGuard
{
    /// <summary>Why <paramref name="action"/> must not run for <paramref name="learner"/>, or null when it may.</summary>
    public static string? Refusal(IAction action, Learner learner) =>
        action.Identifiers.Select(learner.WhyNotTheirs).FirstOrDefault(reason => reason is not null) is { } reason
            ? $"refused to {action.Summary}: {reason}"
            : null;
}
