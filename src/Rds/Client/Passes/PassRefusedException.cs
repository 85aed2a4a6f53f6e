namespace LabRunner.Rds.Passes;

/// <summary>Why a progress pass's requests are not replayed, or what the endpoint said of them.</summary>
public enum PassRefusal
{
    /// <summary>Past its expiry, or the endpoint said so (the request, or the credentials it was signed with, expired).</summary>
    Expired,

    /// <summary>Not what the learner signed: a request edited, missing or added, or a signature the endpoint refused.</summary>
    Tampered,

    /// <summary>Signed for another region than the class's.</summary>
    ForeignRegion,

    /// <summary>Not a pass LabRunner replays: another host, another action, a malformed URL.</summary>
    Invalid,
}

public static class PassRefusals
{
    /// <summary>As reports print it: <c>expired</c>, <c>tampered</c>, <c>foreign-region</c>, <c>invalid</c>.</summary>
    public static string WireName(this PassRefusal refusal) => refusal == PassRefusal.ForeignRegion ? "foreign-region" : refusal.ToString().ToLowerInvariant();
}

/// <summary>A pass's request refused before sending (or refused by the endpoint in a way that says which <see cref="PassRefusal"/>).</summary>
public sealed class PassRefusedException(PassRefusal refusal, string message, Exception? innerException = null)
    : RdsException(RdsErrorKind.AccessDenied, $"Pass{refusal}", message, innerException: innerException)
{
    public PassRefusal Refusal { get; } = refusal;
}
