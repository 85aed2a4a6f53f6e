using LabRunner.TestSupport.Peers;
using LabRunner.TestSupport.Sandbox;

namespace LabRunner.Rds.Tests.Contract;

/// <summary>One in-process sandbox for the contract class, emptied before each test by the contract itself.</summary>
public sealed class SandboxPeerFixture : IAsyncLifetime
{
    public SandboxFixture Sandbox { get; private set; } = null!;

    public async Task InitializeAsync() => Sandbox = await SandboxFixture.StartAsync();

    public async Task DisposeAsync() => await Sandbox.DisposeAsync();
}

/// <summary>The same contract scenarios as moto's, plus the RDS behaviour moto does not imitate, against LabRunner's sandbox.</summary>
public sealed class SandboxContractTests(SandboxPeerFixture fixture) : RdsFaithfulContract(new SandboxRdsPeer(fixture.Sandbox)), IClassFixture<SandboxPeerFixture>;
