namespace LabRunner.Rds;

/// <summary>What kind of failure an RDS call met, so callers branch on meaning rather than on wire codes.</summary>
public enum RdsErrorKind
{
    NotFound,
    AlreadyExists,
    InvalidState,
    InvalidParameter,
    QuotaExceeded,
    Throttled,
    AccessDenied,
    /// <summary>Credentials missing, expired or rejected (e.g. <c>ExpiredToken</c>, <c>InvalidClientTokenId</c>, <c>SignatureDoesNotMatch</c>).</summary>
    Credentials,
    /// <summary>An HTTP 5xx or a body that is not RDS's XML.</summary>
    Service,
    /// <summary>Connection refused or dropped, DNS, or the per-call timeout.</summary>
    Transport,
    Other,
    /// <summary>The client could not be set up: no region, an unknown profile, a malformed endpoint.</summary>
    Configuration,
}

/// <summary>A failed RDS call: the AWS error code, message and request id as RDS sent them.</summary>
public class RdsException(RdsErrorKind kind, string errorCode, string message, string? requestId = null, int? statusCode = null, Exception? innerException = null)
    : Exception(message, innerException)
{
    public RdsErrorKind Kind { get; } = kind;

    /// <summary>The wire code, e.g. <c>DBClusterNotFoundFault</c>; for transport failures a LabRunner code such as <c>ConnectionRefused</c>.</summary>
    public string ErrorCode { get; } = errorCode;

    public string? RequestId { get; } = requestId;

    public int? StatusCode { get; } = statusCode;
}
