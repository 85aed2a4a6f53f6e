namespace LabRunner.Rds;

/// <summary>Who the credentials are, as STS GetCallerIdentity says: the account and the principal's ARN.</summary>
/// <param name="CredentialsExpire">When temporary credentials stop working; null for long-term keys.</param>
public sealed record CallerIdentity(string Account, string Arn, DateTimeOffset? CredentialsExpire);
