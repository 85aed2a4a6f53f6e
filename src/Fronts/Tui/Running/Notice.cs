using LabRunner.Engine.Steps;

namespace LabRunner.Tui.Running;

public enum NoticeTone
{
    Info,
    Success,
    /// <summary>The learner has something to do (a step failed, an action was refused).</summary>
    Failure,
    /// <summary>Not the learner's fault: API, network, credentials, or LabRunner itself.</summary>
    Error,
}

/// <summary>One line telling the learner what just happened and, where it helps, what to press next.</summary>
/// <param name="Result">The step result behind the notice, when there is one.</param>
/// <param name="LearnerAsked">True when it answers something the learner asked for (a check, a perform), not a background poll.</param>
public sealed record Notice(NoticeTone Tone, string Text, StepResult? Result = null, bool LearnerAsked = false);
