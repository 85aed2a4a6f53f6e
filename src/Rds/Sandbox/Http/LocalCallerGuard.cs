using System.Net;
using LabRunner.Sandbox.Protocol;
using Microsoft.AspNetCore.Http;

namespace LabRunner.Sandbox.Http;

/// <summary>
/// Keeps web pages from driving the sandbox: a browser marks what it sends on a page's behalf with <c>Origin</c> or
/// <c>Sec-Fetch-*</c> headers, which command-line tools and SDKs never send; and a page reaching the sandbox through a
/// DNS name of its own (DNS rebinding) gives that name as <c>Host</c>, so only the sandbox's own addresses are accepted:
/// the loopback names, and the IP address the request arrived on (a class sandbox's LAN address).
/// </summary>
internal static class LocalCallerGuard
{
    private static readonly string[] OwnHostNames = ["127.0.0.1", "localhost", "[::1]"];

    /// <exception cref="RdsFault">403 AccessDenied, saying why.</exception>
    public static void Check(HttpRequest request)
    {
        if (BrowserHeader(request) is { } header)
            throw new RdsFault("AccessDenied", $"Requests from a web browser are refused (this one carries a {header} header): a web page must not drive the sandbox. Use the AWS CLI, an AWS SDK or LabRunner.", 403);
        var connection = request.HttpContext.Connection;
        if (!IsOwnAddress(request.Host, connection.LocalIpAddress, connection.LocalPort))
            throw new RdsFault("AccessDenied", $"The Host header '{request.Host.Value}' is not this sandbox's address: address it as {ArrivalAddress(connection.LocalIpAddress, connection.LocalPort)}, 127.0.0.1:{connection.LocalPort}, localhost:{connection.LocalPort} or [::1]:{connection.LocalPort}.", 403);
    }

    private static string? BrowserHeader(HttpRequest request)
    {
        if (request.Headers.Origin.Count > 0)
            return "Origin";
        return request.Headers.Keys.FirstOrDefault(name => name.StartsWith("Sec-Fetch-", StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsOwnAddress(HostString host, IPAddress? arrivedOn, int localPort) =>
        (OwnHostNames.Contains(host.Host, StringComparer.OrdinalIgnoreCase) || IsArrivalAddress(host.Host, arrivedOn))
        && (host.Port == localPort || (host.Port is null && localPort == 80));

    private static bool IsArrivalAddress(string hostName, IPAddress? arrivedOn) =>
        arrivedOn is not null && IPAddress.TryParse(hostName, out var named) && Unmapped(named).Equals(Unmapped(arrivedOn));

    private static string ArrivalAddress(IPAddress? arrivedOn, int localPort) =>
        new IPEndPoint(Unmapped(arrivedOn ?? IPAddress.Loopback), localPort).ToString();

    /// <summary>An IPv4 client of a dual-stack socket arrives as <c>::ffff:a.b.c.d</c>.</summary>
    private static IPAddress Unmapped(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
