using LabRunner.Content.Loading;
using LabRunner.Content.Model;
using LabRunner.Rds;
using LabRunner.TestSupport.Peers;
using LabRunner.TestSupport.Sandbox;
using Xunit;

namespace LabRunner.TestSupport.Class;

/// <summary>
/// The aurora-backup lab's class at every stage in one in-process sandbox, seeded once, with resources no template
/// names beside them. The class view only reads, so tests may share it (an xunit class fixture).
/// </summary>
public sealed class SeededClass : IAsyncLifetime
{
    public static readonly TimeSpan SnapshotDuration = TimeSpan.FromMinutes(1);

    public static readonly SeededLearner[] Seeded =
    [
        new("alice", LearnerStage.ClusterOnly),
        new("bob", LearnerStage.SnapshotCreating),
        new("carol", LearnerStage.SnapshotAvailable),
        new("dave", LearnerStage.Done),
        new("frank", LearnerStage.SnapshotOfAnotherCluster),
    ];

    private static readonly Lazy<Lab> LazyLab = new(() =>
        LabLoader.Load(LabPath).Lab ?? throw new InvalidOperationException("labs/aurora-backup does not load"));

    public static string LabPath => Repository.PathOf("labs", "aurora-backup");

    public static Lab Lab => LazyLab.Value;

    public SandboxFixture Sandbox { get; private set; } = null!;

    /// <summary>A full client on the sandbox, for seeding and for learners' own sessions.</summary>
    public RdsQueryClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Sandbox = await SandboxFixture.StartAsync(options => options with { SnapshotDuration = SnapshotDuration });
        Client = await PeerClients.CreateClientAsync(Sandbox.Uri);
        await ClassSeeding.SeedAsync(Sandbox.Host, Sandbox.Time, SnapshotDuration, Client, Lab, Seeded);
        // Resources no template names: another team's cluster, a nightly export, a snapshot named like a cluster.
        Sandbox.SeedCluster("production-db");
        await Client.CreateDBClusterSnapshotAsync(new("nightly-export", "production-db"));
        await Client.CreateDBClusterSnapshotAsync(new("aurora-zed-cluster", "production-db"));
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Sandbox.DisposeAsync();
    }
}
