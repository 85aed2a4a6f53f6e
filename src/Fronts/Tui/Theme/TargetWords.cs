using LabRunner.Engine.Targets;

namespace LabRunner.Tui.Theme;

/// <summary>How every screen names the target, so practice and a real account never read alike.</summary>
public static class TargetWords
{
    /// <summary>
    /// The badge: "■ SANDBOX · local practice", "▲ AWS · REAL ACCOUNT · account 123456789012 · us-east-1 · profile dev", or for another
    /// endpoint (moto) "◆ RDS ENDPOINT · 127.0.0.1:4566", for a class joined "◆ CLASS · Aurora workshop", as <see cref="Where"/> and JSON's kind name it.
    /// </summary>
    public static string Badge(TargetKind kind, TargetInfo? target) => kind switch
    {
        TargetKind.Sandbox => target is null ? " ■ SANDBOX · starting… " : " ■ SANDBOX · local practice ",
        _ when target is null => " ▲ AWS · REAL ACCOUNT · connecting… ",
        _ when target.IsAmazon => " ▲ AWS · REAL ACCOUNT" + string.Concat(Details(target).Select(part => " · " + part)) + " ",
        _ when target.ClassName is { } className => $" ◆ CLASS · {className} ",
        _ => $" ◆ RDS ENDPOINT · {target.Endpoint.Authority}{(target.Identity is null ? "" : $" · account {target.Identity.Account}")} ",
    };

    /// <summary>Where an action happens, for a sentence: "on the SANDBOX (local practice, nothing real)".</summary>
    public static string Where(TargetInfo target) => target.Kind switch
    {
        TargetKind.Sandbox => "on the SANDBOX (local practice, nothing real)",
        _ when target.IsAmazon => $"on your REAL AWS account ({string.Join(", ", Details(target))})",
        _ when target.ClassName is { } className => $"in the class {className} (its sandbox at {target.Endpoint.Authority}, nothing real)",
        _ => $"on the RDS endpoint {target.Endpoint.Authority} ({string.Join(", ", Details(target))})",
    };

    private static IEnumerable<string> Details(TargetInfo target) =>
        new[] { target.Identity is null ? null : $"account {target.Identity.Account}", target.Region, target.Profile is null ? null : $"profile {target.Profile}" }.OfType<string>();
}
