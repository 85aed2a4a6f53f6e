using LabRunner.Cli;
using LabRunner.Rds.Model;
using LabRunner.TestSupport;
using LabRunner.TestSupport.Peers;
using LabRunner.TestSupport.Sandbox;

namespace LabRunner.Fronts.Tests.Check;

/// <summary>
/// Labs written to reach another learner: run through the CLI against a sandbox holding alice's and bob's clusters and
/// snapshots, none of them touches bob's. Labs whose targets are not named from the learner's name are stopped by the
/// loader (LR024, exit 2); a lab that lints clean but whose names let one learner's name spell another's resource is
/// stopped by the action guard, also before any call.
/// </summary>
public sealed class HostileLabGuardTests : IAsyncLifetime, IDisposable
{
    private const string BobsSnapshot = "aurora-bob-snap1";
    private const string BobsWindow = "07:10-07:40";

    private readonly TempDirectory data = new();
    private readonly TempDirectory labs = new();
    private SandboxFixture? sandbox;

    public async Task InitializeAsync()
    {
        sandbox = await SandboxFixture.StartAsync();
        var peer = new SandboxRdsPeer(sandbox);
        await peer.SeedLearnerAsync("alice");
        await peer.SeedLearnerAsync("bob");
        await peer.CreateSnapshotAsync("aurora-alice-snap1", "aurora-alice-cluster");
        await peer.CreateSnapshotAsync(BobsSnapshot, "aurora-bob-cluster");
        await peer.SettleAsync();
    }

    public async Task DisposeAsync() => await sandbox!.DisposeAsync();

    public void Dispose()
    {
        data.Dispose();
        labs.Dispose();
    }

    public static TheoryData<string, string, string[], string> LabsTheLoaderStops => new()
    {
        {
            "a constant resource",
            "  shared: aurora-bob-snap1\n",
            new[] { "--var", "yourname=alice" },
            "names '{shared}', which LabRunner would change: it is the same for every learner"
        },
        {
            "a resource that is only a free variable",
            "  old: \"{old_snapshot}\"\n",
            new[] { "--var", "yourname=alice", "--var", "old_snapshot=aurora-bob-snap1" },
            "it uses {old_snapshot}, which is not the learner's name"
        },
        {
            "a free prefix before the learner's name",
            "  mine: \"{old_snapshot}-{yourname}\"\n",
            new[] { "--var", "yourname=snap1", "--var", "old_snapshot=aurora-bob" },
            "it uses {old_snapshot}, which is not the learner's name"
        },
    };

    [Theory]
    [MemberData(nameof(LabsTheLoaderStops))]
    public async Task Cleanup_of_a_lab_whose_target_is_not_named_from_the_learner_is_refused_by_lint_and_loader(string what, string resource, string[] variables, string message)
    {
        var target = resource.Trim().Split(':')[0];
        var lab = HostileLab(what, resource, cleanupSnapshot: $"{{{target}}}");

        var lint = await CliRun.RunAsync(["lint", lab]);
        var cleanup = await CliRun.RunAsync(["cleanup", lab, .. variables, .. TargetArguments, "--yes"]);

        Assert.Equal(ExitCodes.NotPassed, lint.ExitCode);
        Assert.Contains("error LR024:", lint.Output);
        Assert.Contains(message, lint.Output);
        Assert.Equal(ExitCodes.Usage, cleanup.ExitCode);
        Assert.Contains("LR024", cleanup.Error);
        await AssertBobUntouchedAsync();
    }

    [Fact]
    public async Task Cleanup_of_a_name_that_another_learners_name_also_spells_is_refused_before_any_call()
    {
        // Lint-clean: every name is built from {yourname} alone, but learner "snap1" turns {other} into bob's snapshot.
        var lab = HostileLab("overlapping names", "  other: aurora-bob-{yourname}\n", cleanupSnapshot: "{other}");

        var lint = await CliRun.RunAsync(["lint", lab]);
        var cleanup = await CliRun.RunAsync(["cleanup", lab, "--var", "yourname=snap1", .. TargetArguments, "--yes"]);

        Assert.Equal(ExitCodes.Ok, lint.ExitCode);
        Assert.Equal(ExitCodes.Usage, cleanup.ExitCode);
        Assert.Contains("refused to delete snapshot aurora-bob-snap1: aurora-bob-snap1 is also what the lab names for learner bob, so it may not be snap1's alone", cleanup.Error);
        await AssertBobUntouchedAsync();
    }

    [Fact]
    public async Task Perform_on_a_cluster_that_another_learners_name_also_spells_is_refused_before_any_call()
    {
        var lab = HostileLab("overlapping cluster", "  other_cluster: aurora-bob-{yourname}\n", cleanupSnapshot: "{snapshot}",
            manifest => manifest.Replace("          kind: modify-db-cluster\n          cluster: \"{cluster}\"", "          kind: modify-db-cluster\n          cluster: \"{other_cluster}\""));

        var perform = await CliRun.RunAsync(["perform", lab, "--step", "modify-backup-window", "--var", "yourname=cluster", .. TargetArguments, "--yes"]);

        Assert.Equal(ExitCodes.Usage, perform.ExitCode);
        Assert.Contains("aurora-bob-cluster is also what the lab names for learner bob", perform.Error);
        await AssertBobUntouchedAsync();
    }

    [Fact]
    public async Task The_real_lab_still_cleans_up_alices_snapshot_and_only_hers()
    {
        var cleanup = await CliRun.RunAsync(["cleanup", Repository.PathOf("labs", "aurora-backup"), "--var", "yourname=alice", .. TargetArguments, "--yes"]);

        Assert.Equal(ExitCodes.Ok, cleanup.ExitCode);
        Assert.DoesNotContain("aurora-alice-snap1", await SnapshotsAsync());
        await AssertBobUntouchedAsync();
    }

    private string[] TargetArguments => ["--endpoint", sandbox!.Uri.ToString(), "--data-dir", data.Path];

    /// <summary>labs/aurora-backup with <paramref name="resource"/> added and its cleanup deleting <paramref name="cleanupSnapshot"/>.</summary>
    private string HostileLab(string what, string resource, string cleanupSnapshot, Func<string, string>? alsoChange = null)
    {
        var folder = Path.Join(labs.Path, what.Replace(' ', '-'));
        var original = Repository.PathOf("labs", "aurora-backup");
        foreach (var file in Directory.EnumerateFiles(original, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Join(folder, Path.GetRelativePath(original, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        var manifest = File.ReadAllText(Path.Join(folder, "lab.yaml"))
            .Replace("variables:\n", "variables:\n  old_snapshot:\n    prompt: A snapshot\n    default: none\n")
            .Replace("  snapshot: aurora-{yourname}-snap1\n", "  snapshot: aurora-{yourname}-snap1\n" + resource)
            .Replace("    snapshot: \"{snapshot}\"\n\nfixtures:", $"    snapshot: \"{cleanupSnapshot}\"\n\nfixtures:");
        File.WriteAllText(Path.Join(folder, "lab.yaml"), alsoChange is null ? manifest : alsoChange(manifest));
        return folder;
    }

    private async Task AssertBobUntouchedAsync()
    {
        Assert.Contains(BobsSnapshot, await SnapshotsAsync());
        using var client = await PeerClients.CreateClientAsync(sandbox!.Uri);
        var bob = Assert.Single((await client.DescribeDBClustersAsync(new DescribeDBClustersRequest { DBClusterIdentifier = "aurora-bob-cluster" })).DBClusters);
        Assert.Equal(BobsWindow, bob.PreferredBackupWindow);
    }

    private async Task<IReadOnlyList<string>> SnapshotsAsync()
    {
        using var client = await PeerClients.CreateClientAsync(sandbox!.Uri);
        var snapshots = await client.DescribeDBClusterSnapshotsAsync(new DescribeDBClusterSnapshotsRequest { SnapshotType = "manual" });
        return [.. snapshots.DBClusterSnapshots.Select(snapshot => snapshot.DBClusterSnapshotIdentifier)];
    }
}
