namespace LabRunner.Engine.Targets;

/// <summary>What a front shows about the target it talks to, so nobody mistakes practice for a real account. Never holds secrets.</summary>
/// <param name="Endpoint">The URL requests go to.</param>
/// <param name="CredentialSource">Where credentials came from (environment, profile name), never the keys.</param>
public sealed record TargetInfo(TargetKind Kind, Uri Endpoint, string? Region = null, string? Profile = null, string? CredentialSource = null)
{
    /// <summary>One line: "SANDBOX (local, http://127.0.0.1:5000)" or "AWS us-east-1 profile workshop (https://rds.us-east-1.amazonaws.com/)".</summary>
    public string Description => Kind switch
    {
        TargetKind.Sandbox => $"SANDBOX (local practice, {Endpoint})",
        _ => string.Join(" ", new[] { "AWS", Region, Profile is null ? null : $"profile {Profile}", $"({Endpoint})" }.OfType<string>()),
    };

    /// <summary>Names the progress kept for this target, so practice on the sandbox and work on AWS never mix baselines.</summary>
    public string ProgressKey => Kind switch
    {
        TargetKind.Sandbox => "sandbox",
        _ => string.Join("-", new[] { "aws", Region, Profile, Endpoint.IsLoopback ? $"local{Endpoint.Port}" : null }.OfType<string>()),
    };
}
