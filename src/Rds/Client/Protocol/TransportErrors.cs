using System.Net.Sockets;

namespace LabRunner.Rds.Protocol;

/// <summary>A failure below HTTP (DNS, connect, TLS, a dropped connection) as an <see cref="RdsException"/> of kind Transport naming the endpoint.</summary>
internal static class TransportErrors
{
    public static RdsException From(Exception failure, Uri endpoint)
    {
        var (code, what) = Classify(failure, endpoint);
        var reason = Innermost(failure).Message;
        return new RdsException(RdsErrorKind.Transport, code, $"{what}: {reason}", innerException: failure);
    }

    private static (string Code, string What) Classify(Exception failure, Uri endpoint)
    {
        var socketError = Find<SocketException>(failure)?.SocketErrorCode;
        var httpError = (failure as HttpRequestException)?.HttpRequestError;

        if (httpError == HttpRequestError.NameResolutionError || socketError is SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData)
        {
            return ("NameResolutionFailure", $"Could not resolve the host of {endpoint}");
        }

        if (socketError == SocketError.ConnectionRefused)
        {
            return ("ConnectionRefused", $"Nothing is listening at {endpoint} (connection refused)");
        }

        if (httpError == HttpRequestError.SecureConnectionError)
        {
            return ("TlsFailure", $"The TLS handshake with {endpoint} failed");
        }

        if (httpError == HttpRequestError.ConnectionError)
        {
            return ("ConnectionFailed", $"Could not connect to {endpoint}");
        }

        return ("ConnectionDropped", $"The connection to {endpoint} dropped before the answer was complete");
    }

    private static T? Find<T>(Exception failure) where T : Exception
    {
        for (Exception? e = failure; e is not null; e = e.InnerException)
        {
            if (e is T match)
            {
                return match;
            }
        }

        return null;
    }

    private static Exception Innermost(Exception failure)
    {
        var e = failure;
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e;
    }
}
