namespace LabRunner.Engine.Targets;

/// <summary>
/// Where a front should talk to, as the learner asked (<c>--target</c>, <c>--endpoint</c>, <c>--profile</c>, <c>--region</c>).
/// The sandbox is the default; AWS is explicit or implied by an endpoint or a profile.
/// </summary>
public sealed record TargetOptions(TargetKind? Kind = null, Uri? Endpoint = null, string? Profile = null, string? Region = null)
{
    public TargetKind ResolvedKind => Kind ?? (Endpoint is not null || Profile is not null ? TargetKind.Aws : TargetKind.Sandbox);

    /// <summary>Why these options contradict each other, or null.</summary>
    public string? Problem => Kind == TargetKind.Sandbox && (Endpoint is not null || Profile is not null)
        ? "--target sandbox runs LabRunner's own sandbox: it takes no --endpoint or --profile (use --target aws with them)"
        : null;
}
