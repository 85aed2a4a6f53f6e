namespace LabRunner.Engine.Targets;

/// <summary>What a front shows about the target it talks to, so nobody mistakes practice for a real account. Never holds secrets.</summary>
/// <param name="Endpoint">The URL requests go to.</param>
/// <param name="CredentialSource">Where credentials came from (environment, profile name), never the keys.</param>
/// <param name="Identity">Whose account it is, where STS could be asked (never on the sandbox).</param>
/// <param name="SandboxId">The identity a LabRunner sandbox at <paramref name="Endpoint"/> answers with; null for any other endpoint.</param>
/// <param name="ClassName">The class joined, when the endpoint is a class sandbox (<c>labrunner join</c>).</param>
public sealed record TargetInfo(TargetKind Kind, Uri Endpoint, string? Region = null, string? Profile = null, string? CredentialSource = null, AccountIdentity? Identity = null, string? SandboxId = null, string? ClassName = null)
{
    /// <summary>
    /// One line: "SANDBOX (local practice, built into LabRunner)" (its address dies with the run, so it is not shown), "AWS us-east-1 profile workshop (https://rds.us-east-1.amazonaws.com/)",
    /// or for a stand-in such as moto or a classroom sandbox "RDS endpoint 127.0.0.1:4566 us-east-1 (http://127.0.0.1:4566/)".
    /// </summary>
    public string Description => Kind switch
    {
        TargetKind.Sandbox => "SANDBOX (local practice, built into LabRunner)",
        _ when ClassName is not null => $"CLASS {ClassName} (class sandbox {Endpoint.Authority}, {Region})",
        _ => string.Join(" ", new[] { IsAmazon ? "AWS" : $"RDS endpoint {Endpoint.Authority}", Region, Profile is null ? null : $"profile {Profile}", $"({Endpoint})" }.OfType<string>()),
    };

    /// <summary>"123456789012 as arn:aws:sts::123456789012:assumed-role/Learner/alice", or null where the account is not known.</summary>
    public string? AccountText => Identity is null ? null : $"{Identity.Account} as {Identity.Arn}";

    /// <summary>How every front names the target in one word: "sandbox", "aws" (a real account) or "endpoint" (any other RDS endpoint: moto, a classroom sandbox).</summary>
    public string KindName => Kind == TargetKind.Sandbox ? "sandbox" : IsAmazon ? "aws" : "endpoint";

    /// <summary>Whether requests go to Amazon's own endpoints, i.e. a real account, rather than a stand-in (moto, a classroom sandbox).</summary>
    public bool IsAmazon => IsAmazonEndpoint(Endpoint);

    public static bool IsAmazonEndpoint(Uri endpoint) =>
        endpoint.Host.EndsWith(".amazonaws.com", StringComparison.OrdinalIgnoreCase)
        || endpoint.Host.EndsWith(".amazonaws.com.cn", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Names the progress kept for this target, so practice on the sandbox and work on AWS never mix baselines. A class
    /// sandbox is named by its identity, not its address, so a restart on another port or address loses nothing.
    /// </summary>
    public string ProgressKey => Kind switch
    {
        TargetKind.Sandbox => "sandbox",
        _ when SandboxId is { } sandbox => sandbox,
        _ when ClassName is not null => "class-" + string.Concat(ClassName.Select(character => char.IsAsciiLetterOrDigit(character) ? char.ToLowerInvariant(character) : '-')),
        _ => string.Join("-", new[] { "aws", Region, Profile, Endpoint.IsLoopback ? $"local{Endpoint.Port}" : null }.OfType<string>()),
    };
}
