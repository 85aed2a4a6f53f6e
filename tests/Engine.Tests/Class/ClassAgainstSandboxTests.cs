using LabRunner.Content.Model;
using LabRunner.Engine.Checks;
using LabRunner.Engine.Class;
using LabRunner.Engine.Steps;
using LabRunner.Rds;
using LabRunner.Rds.Model;
using LabRunner.TestSupport.Class;

namespace LabRunner.Engine.Tests.Class;

/// <summary>The class view and each learner's own session, judging the same sandbox.</summary>
public sealed class ClassAgainstSandboxTests(SeededClass seeded) : IClassFixture<SeededClass>
{
    private static readonly SeededLearner[] Seeded = SeededClass.Seeded;

    private static Lab Lab => SeededClass.Lab;

    private ClassRoom Room(IReadOnlyList<ClassLearner> roster, bool discover, bool optional = false) =>
        new(Lab, roster, discover, new ReadOnlyRdsApi(seeded.Client), CheckKinds.Default, seeded.Sandbox.Time, optional: optional);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Every_learner_gets_exactly_the_verdicts_of_their_own_check(bool optional)
    {
        var board = await Room([], discover: true, optional).RefreshAsync();

        foreach (var learner in Seeded)
        {
            var own = await ClassSeeding.Session(seeded.Sandbox.Host, seeded.Client, Lab, learner.Name, seeded.Sandbox.Time).CheckAllAsync();
            var row = board.Rows.Single(row => row.Learner.Key == learner.Name);
            Assert.Equal(own.Where(result => optional || !result.Optional), row.Results);
        }
    }

    [Fact]
    public async Task Asked_for_the_optional_steps_the_class_judges_them_after_the_required_ones_and_reads_who_each_snapshot_is_shared_with()
    {
        var board = await Room([], discover: true, optional: true).RefreshAsync();
        var manualSnapshots = await seeded.Client.DescribeAllDBClusterSnapshotsAsync(new DescribeDBClusterSnapshotsRequest { SnapshotType = "manual" }).CountAsync();

        Assert.Equal(["copy-snapshot", "share-snapshot", "restore-snapshot"], board.Steps.Where(step => step.Optional).Select(step => step.Id));
        Assert.Equal("passed passed passed manual passed failed failed failed",
            string.Join(" ", board.Rows.Single(row => row.Learner.Key == "dave").Results.Select(result => result.Status.WireName())));
        Assert.Equal([5, 3, 2, 0, 1, 0, 0, 0], board.PassedPerStep);
        // Clusters, snapshots, the manual snapshots again for sharing, then who each is shared with (RDS has no list of that).
        Assert.Equal(3 + manualSnapshots, board.Requests);
    }
    [Fact]
    public async Task The_stages_show_as_the_lab_defines_them()
    {
        var board = await Room([], discover: true).RefreshAsync();

        string Statuses(string name) => string.Join(" ", board.Rows.Single(row => row.Learner.Key == name).Results.Select(result => result.Status.WireName()));
        Assert.Equal("passed failed failed manual failed", Statuses("alice"));
        Assert.Equal("passed passed in-progress manual failed", Statuses("bob"));
        Assert.Equal("passed passed passed manual failed", Statuses("carol"));
        Assert.Equal("passed passed passed manual passed", Statuses("dave"));
        Assert.Equal("snapshot aurora-frank-snap1 belongs to aurora-alice-cluster, expected aurora-frank-cluster",
            board.Rows.Single(row => row.Learner.Key == "frank").Results[1].Reason);
    }

    [Fact]
    public async Task Discovery_finds_exactly_the_seeded_learners_and_ignores_everything_else()
    {
        var board = await Room([], discover: true).RefreshAsync();

        Assert.Equal(Seeded.Select(learner => learner.Name).Order(StringComparer.Ordinal), board.Rows.Select(row => row.Learner.Key).Order(StringComparer.Ordinal));
        Assert.All(board.Rows, row => Assert.True(row.Started));
    }

    [Fact]
    public async Task Roster_names_with_no_resources_are_shown_as_not_started()
    {
        var board = await Room([ClassLabs.Learner("erin"), ClassLabs.Learner("carol")], discover: true).RefreshAsync();

        var erin = board.Rows.Single(row => row.Learner.Key == "erin");
        Assert.False(erin.Started);
        Assert.Equal(LearnerSources.Roster, erin.Learner.Sources);
        Assert.Equal("cluster aurora-erin-cluster not found", erin.Results[0].Reason);
        Assert.Same(erin, board.Rows[0]);
        Assert.Equal(LearnerSources.Roster | LearnerSources.Discovered, board.Rows.Single(row => row.Learner.Key == "carol").Learner.Sources);
        Assert.Equal(6, board.Rows.Count);
    }

    [Fact]
    public async Task A_roster_alone_shows_only_its_learners()
    {
        var board = await Room([ClassLabs.Learner("dave"), ClassLabs.Learner("erin")], discover: false).RefreshAsync();

        Assert.Equal(["erin", "dave"], board.Rows.Select(row => row.Learner.Key));
    }

    [Fact]
    public async Task The_summary_counts_who_passed_each_step_and_one_read_takes_one_request_per_kind()
    {
        var board = await Room([], discover: true).RefreshAsync();

        // frank's snapshot is of another cluster: not his, so not "his snapshot is available" either.
        Assert.Equal([5, 3, 2, 0, 1], board.PassedPerStep);
        Assert.Equal(2, board.Requests);
        Assert.False(board.Failed);
    }
}
