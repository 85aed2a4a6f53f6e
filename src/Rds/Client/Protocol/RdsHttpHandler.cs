namespace LabRunner.Rds.Protocol;

/// <summary>How every LabRunner request to an RDS endpoint travels.</summary>
public static class RdsHttpHandler
{
    /// <summary>A handler that follows no redirect (as the AWS SDKs do not: an answer elsewhere is the endpoint's answer) and keeps no cookies.</summary>
    public static SocketsHttpHandler New() => new() { AllowAutoRedirect = false, UseCookies = false };
}
