using Amazon.Runtime;
using LabRunner.Rds;

namespace LabRunner.TestSupport.Peers;

public static class PeerClients
{
    /// <summary>Test keys: peers accept any signature unless told to verify these.</summary>
    public static readonly BasicAWSCredentials TestCredentials = new("AKIDLABRUNNERTEST", "labrunner-test-secret");

    /// <summary>Our client aimed at <paramref name="endpoint"/> with the test keys; <paramref name="adjust"/> may change any option.</summary>
    public static Task<RdsQueryClient> CreateClientAsync(Uri endpoint, Func<RdsClientOptions, RdsClientOptions>? adjust = null, string region = "us-east-1")
    {
        var options = new RdsClientOptions { Endpoint = endpoint, Region = region, Credentials = TestCredentials };
        return RdsClientFactory.CreateAsync(adjust?.Invoke(options) ?? options);
    }

    public static Task<RdsQueryClient> CreateClientAsync(this IRdsPeer peer, Func<RdsClientOptions, RdsClientOptions>? adjust = null) =>
        CreateClientAsync(peer.Endpoint, adjust, peer.Region);
}
