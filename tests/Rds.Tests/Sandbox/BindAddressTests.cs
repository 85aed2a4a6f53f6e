using System.Net;
using LabRunner.Sandbox;

namespace LabRunner.Rds.Tests.Sandbox;

public sealed class BindAddressTests
{
    /// <summary>With no keys the sandbox accepts unsigned requests, which only the machine's own users may send.</summary>
    [Fact]
    public async Task A_sandbox_without_keys_refuses_to_listen_beyond_loopback()
    {
        var exception = await Assert.ThrowsAsync<ArgumentException>(() => SandboxHost.StartAsync(new SandboxOptions { BindAddress = IPAddress.Any }));

        Assert.Contains("only when it verifies signatures", exception.Message);
    }
}
