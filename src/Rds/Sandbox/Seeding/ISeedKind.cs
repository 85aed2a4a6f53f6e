using LabRunner.Sandbox.State;

namespace LabRunner.Sandbox.Seeding;

/// <summary>How the sandbox creates one fixture kind. Adding a kind is one class and its line in <see cref="SeedKinds"/>.</summary>
public interface ISeedKind
{
    /// <summary>The fixture kind, as labs name it (<c>db-cluster</c>).</summary>
    string Kind { get; }

    /// <summary>
    /// Checks <paramref name="spec"/> as RDS would (throwing its <c>RdsFault</c> when it would refuse) and returns what
    /// creates the resources, keeping those that exist so a learner's changes survive.
    /// </summary>
    Func<SandboxState.Resources, SeedResult> Plan(SeedSpec spec);
}
