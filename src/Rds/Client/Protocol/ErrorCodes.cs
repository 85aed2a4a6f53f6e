using System.Collections.Frozen;

namespace LabRunner.Rds.Protocol;

/// <summary>
/// RDS's wire error codes by meaning. Codes are not always the model's shape names
/// (<c>DBInstanceNotFound</c>, <c>SnapshotQuotaExceeded</c>), so the model's fault families are matched by their endings.
/// </summary>
internal static class ErrorCodes
{
    private static readonly FrozenDictionary<string, RdsErrorKind> Exact = new Dictionary<string, RdsErrorKind>
    {
        ["InvalidParameterValue"] = RdsErrorKind.InvalidParameter,
        ["InvalidParameterCombination"] = RdsErrorKind.InvalidParameter,
        ["InvalidParameter"] = RdsErrorKind.InvalidParameter,
        ["MissingParameter"] = RdsErrorKind.InvalidParameter,
        ["ValidationError"] = RdsErrorKind.InvalidParameter,
        ["MalformedQueryString"] = RdsErrorKind.InvalidParameter,
        ["InvalidAction"] = RdsErrorKind.InvalidParameter,

        ["Throttling"] = RdsErrorKind.Throttled,
        ["ThrottlingException"] = RdsErrorKind.Throttled,
        ["ThrottledException"] = RdsErrorKind.Throttled,
        ["RequestThrottled"] = RdsErrorKind.Throttled,
        ["RequestThrottledException"] = RdsErrorKind.Throttled,
        ["TooManyRequestsException"] = RdsErrorKind.Throttled,
        ["RequestLimitExceeded"] = RdsErrorKind.Throttled,
        ["BandwidthLimitExceeded"] = RdsErrorKind.Throttled,
        ["SlowDown"] = RdsErrorKind.Throttled,
        ["PriorRequestNotComplete"] = RdsErrorKind.Throttled,

        ["AccessDenied"] = RdsErrorKind.AccessDenied,
        ["AccessDeniedException"] = RdsErrorKind.AccessDenied,
        ["UnauthorizedOperation"] = RdsErrorKind.AccessDenied,
        ["AuthorizationError"] = RdsErrorKind.AccessDenied,
        ["OptInRequired"] = RdsErrorKind.AccessDenied,
        ["AuthFailure"] = RdsErrorKind.Credentials,

        ["ExpiredToken"] = RdsErrorKind.Credentials,
        ["ExpiredTokenException"] = RdsErrorKind.Credentials,
        ["InvalidClientTokenId"] = RdsErrorKind.Credentials,
        ["SignatureDoesNotMatch"] = RdsErrorKind.Credentials,
        ["UnrecognizedClientException"] = RdsErrorKind.Credentials,
        ["IncompleteSignature"] = RdsErrorKind.Credentials,
        ["MissingAuthenticationToken"] = RdsErrorKind.Credentials,
        ["InvalidAccessKeyId"] = RdsErrorKind.Credentials,
        ["RequestExpired"] = RdsErrorKind.Credentials,

        ["InternalFailure"] = RdsErrorKind.Service,
        ["InternalError"] = RdsErrorKind.Service,
        ["InternalServerError"] = RdsErrorKind.Service,
        ["ServiceUnavailable"] = RdsErrorKind.Service,
        ["ServiceUnavailableException"] = RdsErrorKind.Service,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static RdsErrorKind KindOf(string code, int? statusCode)
    {
        if (Exact.TryGetValue(code, out var kind))
        {
            return kind;
        }

        if (code.EndsWith("NotFound", StringComparison.Ordinal) || code.EndsWith("NotFoundFault", StringComparison.Ordinal))
        {
            return RdsErrorKind.NotFound;
        }

        if (code.EndsWith("AlreadyExists", StringComparison.Ordinal) || code.EndsWith("AlreadyExistsFault", StringComparison.Ordinal))
        {
            return RdsErrorKind.AlreadyExists;
        }

        if (code.StartsWith("Invalid", StringComparison.Ordinal) && code.Contains("State", StringComparison.Ordinal))
        {
            return RdsErrorKind.InvalidState;
        }

        if (code.Contains("QuotaExceeded", StringComparison.Ordinal))
        {
            return RdsErrorKind.QuotaExceeded;
        }

        return statusCode >= 500 ? RdsErrorKind.Service : RdsErrorKind.Other;
    }
}
