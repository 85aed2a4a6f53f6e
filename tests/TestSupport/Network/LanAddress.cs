using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using LabRunner.TestSupport.Peers;
using Xunit;

namespace LabRunner.TestSupport.Network;

/// <summary>An IPv4 address of this machine beyond loopback, as a class sandbox listens on, found from its interfaces.</summary>
public static class LanAddress
{
    private static readonly Lazy<IPAddress?> Found = new(Find);

    /// <summary>The address, or null on a machine with only loopback.</summary>
    public static IPAddress? Value => Found.Value;

    public const string MissingReason = "needs a network interface with an IPv4 address beyond loopback (this machine has none up)";

    private static IPAddress? Find() => NetworkInterface.GetAllNetworkInterfaces()
        .Where(network => network.OperationalStatus == OperationalStatus.Up && network.NetworkInterfaceType != NetworkInterfaceType.Loopback)
        .SelectMany(network => network.GetIPProperties().UnicastAddresses)
        .Select(unicast => unicast.Address)
        .FirstOrDefault(address => address.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(address) && !IsLinkLocal(address));

    private static bool IsLinkLocal(IPAddress address) => address.GetAddressBytes() is [169, 254, ..];
}

/// <summary>A fact that needs <see cref="LanAddress"/> (and any peers named): skipped, saying why, without them.</summary>
public sealed class LanFactAttribute : FactAttribute
{
    public LanFactAttribute(params RealPeer[] peers) =>
        Skip = LanAddress.Value is null ? LanAddress.MissingReason : PeerAvailability.SkipReason(peers);
}
