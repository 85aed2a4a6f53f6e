using System.Net;
using System.Net.Sockets;

namespace LabRunner.TestSupport;

public static class FreePort
{
    /// <summary>A loopback port nothing listens on right now (the OS picks it; another process could still take it before use).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
