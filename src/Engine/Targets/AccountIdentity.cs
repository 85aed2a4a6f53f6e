namespace LabRunner.Engine.Targets;

/// <summary>Whose account a front works in, as STS names it: the account id and the principal's ARN. Never holds secrets.</summary>
/// <param name="CredentialsExpire">When temporary credentials stop working; null for long-term keys.</param>
public sealed record AccountIdentity(string Account, string Arn, DateTimeOffset? CredentialsExpire)
{
    /// <summary>Temporary credentials closer to their end than this are worth a warning before a learner starts.</summary>
    public static readonly TimeSpan ExpiryWarningWindow = TimeSpan.FromMinutes(15);

    /// <summary>"your AWS credentials expire in 9 minutes (23:40 UTC)", when they do within <see cref="ExpiryWarningWindow"/>; else null.</summary>
    public string? ExpiryWarning(DateTimeOffset now)
    {
        if (CredentialsExpire is not { } expires || expires - now > ExpiryWarningWindow)
            return null;
        var left = expires - now;
        return left <= TimeSpan.Zero
            ? $"your AWS credentials expired at {expires:HH:mm} UTC"
            : $"your AWS credentials expire in {Math.Max(1, (int)Math.Round(left.TotalMinutes))} minutes ({expires:HH:mm} UTC): renew them before a long step";
    }
}
