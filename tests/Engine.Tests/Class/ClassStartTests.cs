using LabRunner.Engine.Checks;
using LabRunner.Engine.Class;
using LabRunner.Engine.Plans;
using LabRunner.Rds;
using LabRunner.TestSupport.Class;
using LabRunner.TestSupport.Sandbox;

namespace LabRunner.Engine.Tests.Class;

/// <summary>
/// A class sandbox on a fake clock: learners added (their starting resources made looking a day old) and joined later;
/// the class view counts nobody as stuck before they had the stuck-after time to start.
/// </summary>
public sealed class ClassStartTests : IAsyncLifetime
{
    private static readonly TimeSpan StuckAfter = TimeSpan.FromMinutes(10);
    private SandboxFixture sandbox = null!;
    private RdsQueryClient instructor = null!;

    public async Task InitializeAsync()
    {
        sandbox = await SandboxFixture.StartAsync(options => options with { ClassName = "Start", LearnerFixtures = FixturesOf });
        instructor = await ClientAsync(sandbox.Host.Class!.Instructor.AccessKeyId, sandbox.Host.Class.Instructor.SecretAccessKey);
    }

    public async Task DisposeAsync()
    {
        instructor.Dispose();
        await sandbox.DisposeAsync();
    }

    [Fact]
    public async Task Nobody_is_stuck_at_class_start_and_a_late_joiner_gets_the_stuck_after_time_from_joining()
    {
        var invitations = await instructor.AddLearnersAsync(["alice", "bob"]);
        var room = new ClassRoom(SeededClass.Lab, [], discover: true, new ReadOnlyRdsApi(instructor), CheckKinds.Default, sandbox.Time, StuckAfter);

        var atStart = await room.RefreshAsync();
        sandbox.Time.Advance(StuckAfter);
        var quiet = await room.RefreshAsync();
        using (var joining = await ClientAsync("labrunner-join", "unsigned"))
            await joining.JoinAsync(invitations.Single(invitation => invitation.Name == "bob").JoinCode, sandbox.Time.GetUtcNow());
        var afterBobJoined = await room.RefreshAsync();

        Assert.All(atStart.Rows, row => Assert.Equal((true, false), (row.Started, row.Activity.Stuck)));
        Assert.All(quiet.Rows, row => Assert.True(row.Activity.Stuck));
        Assert.Equal([("alice", true), ("bob", false)], afterBobJoined.Rows.Select(row => (row.Learner.Key, row.Activity.Stuck)).OrderBy(row => row.Key, StringComparer.Ordinal));
    }

    private static IReadOnlyList<Sandbox.Seeding.SeedSpec> FixturesOf(string name) =>
        Fixtures.Of(PlanBinding.Bind(SeededClass.Lab, new Dictionary<string, string> { ["yourname"] = name }).Plan!);

    private Task<RdsQueryClient> ClientAsync(string accessKeyId, string secret) => sandbox.ClientSigningWithAsync(accessKeyId, secret);
}
