using LabRunner.Sandbox.Accounts;
using LabRunner.Sandbox.Operations;
using LabRunner.Sandbox.Protocol;
using LabRunner.Sandbox.State;

namespace LabRunner.Sandbox.Seeding;

/// <summary>
/// Creates a learner's fixtures. Every spec is checked before anything is written, so a wrong one leaves the state
/// untouched; seeding is idempotent, and seeded resources look settled (created a day ago, available).
/// </summary>
public sealed class FixtureSeeder(SandboxServices services)
{
    private readonly IReadOnlyDictionary<string, ISeedKind> kinds = SeedKinds.For(services).ToDictionary(kind => kind.Kind, StringComparer.Ordinal);

    /// <summary>Creates the fixtures in <paramref name="owner"/>'s account.</summary>
    /// <exception cref="FixtureException">A spec of a kind the sandbox does not seed, or one RDS would refuse. Nothing is created then.</exception>
    public SeedResult Seed(Caller owner, IEnumerable<SeedSpec> fixtures) => services.State.Write(owner, Plan(fixtures));

    /// <summary>Checks every spec now; the result creates them in the account it is given, inside a state write.</summary>
    /// <exception cref="FixtureException">A spec of a kind the sandbox does not seed, or one RDS would refuse.</exception>
    public Func<SandboxState.Resources, SeedResult> Plan(IEnumerable<SeedSpec> fixtures)
    {
        var plans = fixtures.Select(Plan).ToList();
        return resources =>
        {
            var results = plans.Select(plan => plan(resources)).ToList();
            return new SeedResult([.. results.SelectMany(result => result.Created)], [.. results.SelectMany(result => result.Kept)]);
        };
    }

    private Func<SandboxState.Resources, SeedResult> Plan(SeedSpec spec)
    {
        if (!kinds.TryGetValue(spec.Kind, out var kind))
            throw new FixtureException(spec.Origin, $"unknown fixture kind '{spec.Kind}'; the sandbox seeds {string.Join(", ", kinds.Keys.Select(name => $"'{name}'"))}");
        try
        {
            return kind.Plan(spec);
        }
        catch (RdsFault fault)
        {
            throw new FixtureException(spec.Origin, fault.Message);
        }
    }
}
