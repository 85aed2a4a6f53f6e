using LabRunner.Sandbox.Operations;
using LabRunner.Sandbox.Protocol;

namespace LabRunner.Sandbox.Seeding;

/// <summary>
/// Creates a learner's fixtures. Every spec is checked before anything is written, so a wrong one leaves the state
/// untouched; seeding is idempotent, and seeded resources look settled (created a day ago, available).
/// </summary>
public sealed class FixtureSeeder(SandboxServices services)
{
    private readonly IReadOnlyDictionary<string, ISeedKind> kinds = SeedKinds.For(services).ToDictionary(kind => kind.Kind, StringComparer.Ordinal);

    /// <exception cref="FixtureException">A spec of a kind the sandbox does not seed, or one RDS would refuse. Nothing is created then.</exception>
    public SeedResult Seed(IEnumerable<SeedSpec> fixtures)
    {
        var plans = fixtures.Select(Plan).ToList();
        return services.State.Write(resources =>
        {
            var results = plans.Select(plan => plan(resources)).ToList();
            return new SeedResult([.. results.SelectMany(result => result.Created)], [.. results.SelectMany(result => result.Kept)]);
        });
    }

    private Func<State.SandboxState.Resources, SeedResult> Plan(SeedSpec spec)
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
