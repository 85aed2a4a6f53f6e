using LabRunner.Engine.Plans;
using LabRunner.Engine.State;
using LabRunner.Engine.Targets;
using LabRunner.Rds.Passes;

namespace LabRunner.Engine.Passes;

/// <summary>Makes a learner's pass: their state read once through a <see cref="PassRecorder"/>, so it holds exactly the Describe calls their <c>check</c> sends.</summary>
public static class PassMaker
{
    public static async Task<ProgressPass> MakeAsync(LabPlan plan, PassRecorder recorder, TargetInfo target, CancellationToken cancellationToken = default)
    {
        await new StateReader(recorder, TimeProvider.System).ReadAsync(plan.Query(), cancellationToken);
        return new ProgressPass(
            ProgressPass.CurrentFormat,
            plan.Lab.Id,
            new Dictionary<string, string>(plan.Learner.Variables, StringComparer.Ordinal),
            new PassTarget(target.Endpoint.ToString(), target.Region ?? "", target.Profile, target.Identity?.Account, target.Identity?.Arn),
            recorder.SignedAt,
            recorder.ExpiresAt,
            recorder.Requests);
    }

    /// <summary>What the pass says of the learner's target, as their own <c>check</c> showed it; null when the endpoint is no URL.</summary>
    public static TargetInfo? TargetOf(ProgressPass pass) =>
        Uri.TryCreate(pass.Target.Endpoint, UriKind.Absolute, out var endpoint)
            ? new TargetInfo(TargetKind.Aws, endpoint, pass.Target.Region, pass.Target.Profile, null,
                pass.Target.Account is { } account ? new AccountIdentity(account, pass.Target.Arn ?? "", null) : null)
            : null;
}
