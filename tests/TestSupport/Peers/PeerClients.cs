using Amazon.Runtime;
using LabRunner.Rds;

namespace LabRunner.TestSupport.Peers;

public static class PeerClients
{
    /// <summary>Test keys: peers accept any signature unless told to verify these.</summary>
    public static readonly BasicAWSCredentials TestCredentials = new("AKIDLABRUNNERTEST", "labrunner-test-secret");

    /// <summary>Our client aimed at a peer with fixed test credentials; <paramref name="adjust"/> may change any option.</summary>
    public static Task<RdsQueryClient> CreateClientAsync(this IRdsPeer peer, Func<RdsClientOptions, RdsClientOptions>? adjust = null)
    {
        var options = new RdsClientOptions { Endpoint = peer.Endpoint, Region = peer.Region, Credentials = TestCredentials };
        return RdsClientFactory.CreateAsync(adjust?.Invoke(options) ?? options);
    }
}
