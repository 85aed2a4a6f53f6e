using LabRunner.Content.Model;
using LabRunner.Engine.Plans;
using LabRunner.Engine.Sessions;
using LabRunner.Engine.Targets;
using LabRunner.Rds;
using LabRunner.Rds.Model;
using LabRunner.Sandbox;
using LabRunner.TestSupport.Sandbox;
using Microsoft.Extensions.Time.Testing;

namespace LabRunner.TestSupport.Class;

/// <summary>How far a seeded learner of the aurora-backup lab has got.</summary>
public enum LearnerStage
{
    /// <summary>Their cluster, as the lab's fixtures make it.</summary>
    ClusterOnly,
    /// <summary>Their snapshot taken and still being created.</summary>
    SnapshotCreating,
    SnapshotAvailable,
    /// <summary>Snapshot available and backup window moved: every checked step passes.</summary>
    Done,
    /// <summary>A snapshot under their snapshot's name, but of another learner's cluster.</summary>
    SnapshotOfAnotherCluster,
}

public sealed record SeededLearner(string Name, LearnerStage Stage);

/// <summary>
/// Puts a class of learners into a sandbox at chosen stages: the lab's fixtures through the sandbox's seeding, then the
/// learners' own steps through the engine's actions, as each learner would perform them.
/// </summary>
public static class ClassSeeding
{
    public static async Task SeedAsync(SandboxHost sandbox, FakeTimeProvider sandboxTime, TimeSpan snapshotDuration, IRdsApi rds, Lab lab, IReadOnlyList<SeededLearner> learners)
    {
        var sessions = learners.ToDictionary(learner => learner, learner => Session(sandbox, rds, lab, learner.Name, sandboxTime));
        foreach (var session in sessions.Values)
            sandbox.Seed(Fixtures.Of(session.Plan));

        foreach (var (learner, session) in sessions)
        {
            if (learner.Stage is LearnerStage.SnapshotAvailable or LearnerStage.Done)
                await PerformAsync(session, "take-snapshot");
            if (learner.Stage is LearnerStage.SnapshotOfAnotherCluster)
                await rds.CreateDBClusterSnapshotAsync(new CreateDBClusterSnapshotRequest(session.Learner.Resources["snapshot"], OtherCluster(sessions, learner)));
        }
        sandboxTime.Advance(snapshotDuration + TimeSpan.FromSeconds(1));
        foreach (var (learner, session) in sessions)
        {
            if (learner.Stage is LearnerStage.SnapshotCreating)
                await PerformAsync(session, "take-snapshot");
            if (learner.Stage is LearnerStage.Done)
                await PerformAsync(session, "modify-backup-window");
        }
    }

    /// <summary>A learner's session over the full client, as <c>labrunner perform</c> has it, reading time from <paramref name="time"/>.</summary>
    public static LabSession Session(SandboxHost sandbox, IRdsApi rds, Lab lab, string name, TimeProvider time)
    {
        var plan = PlanBinding.Bind(lab, new Dictionary<string, string> { ["yourname"] = name }).Plan
            ?? throw new ArgumentException($"'{name}' is not a valid learner of {lab.Id}", nameof(name));
        return new LabSession(plan, rds, new TargetInfo(TargetKind.Sandbox, sandbox.Uri), store: null, time);
    }

    private static async Task PerformAsync(LabSession session, string step)
    {
        var performed = await session.PerformAsync(step);
        if (!performed.Outcome.Succeeded)
            throw new InvalidOperationException($"{session.Learner.Key}: {step}: {performed.Outcome.Message}");
    }

    private static string OtherCluster(Dictionary<SeededLearner, LabSession> sessions, SeededLearner learner) =>
        sessions.First(other => other.Key != learner).Value.Learner.Resources["cluster"];
}
