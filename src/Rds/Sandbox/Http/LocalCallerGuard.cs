using LabRunner.Sandbox.Protocol;
using Microsoft.AspNetCore.Http;

namespace LabRunner.Sandbox.Http;

/// <summary>
/// Keeps web pages from driving the sandbox: a browser marks what it sends on a page's behalf with <c>Origin</c> or
/// <c>Sec-Fetch-*</c> headers, which command-line tools and SDKs never send; and a page reaching the sandbox through a
/// DNS name of its own (DNS rebinding) gives that name as <c>Host</c>, so only the sandbox's own addresses are accepted.
/// </summary>
internal static class LocalCallerGuard
{
    private static readonly string[] OwnHostNames = ["127.0.0.1", "localhost", "[::1]"];

    /// <exception cref="RdsFault">403 AccessDenied, saying why.</exception>
    public static void Check(HttpRequest request)
    {
        if (BrowserHeader(request) is { } header)
            throw new RdsFault("AccessDenied", $"Requests from a web browser are refused (this one carries a {header} header): a web page must not drive the sandbox. Use the AWS CLI, an AWS SDK or LabRunner.", 403);
        var port = request.HttpContext.Connection.LocalPort;
        if (!IsOwnAddress(request.Host, port))
            throw new RdsFault("AccessDenied", $"The Host header '{request.Host.Value}' is not this sandbox's address: address it as 127.0.0.1:{port}, localhost:{port} or [::1]:{port}.", 403);
    }

    private static string? BrowserHeader(HttpRequest request)
    {
        if (request.Headers.Origin.Count > 0)
            return "Origin";
        return request.Headers.Keys.FirstOrDefault(name => name.StartsWith("Sec-Fetch-", StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsOwnAddress(HostString host, int localPort) =>
        OwnHostNames.Contains(host.Host, StringComparer.OrdinalIgnoreCase)
        && (host.Port == localPort || (host.Port is null && localPort == 80));
}
