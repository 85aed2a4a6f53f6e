using System.Globalization;

namespace LabRunner.Sandbox.Seeding;

/// <summary>
/// A resource a learner starts with: a fixture kind (<c>db-cluster</c>) and its parameters, already rendered for the
/// learner and valid for their types (the engine binds them as it binds checks and actions).
/// </summary>
/// <param name="Origin">Where the fixture is written (<c>lab.yaml:9:5</c>); problems start with it.</param>
public sealed record SeedSpec(string Kind, IReadOnlyDictionary<string, string> Values, string Origin)
{
    public string? Text(string parameter) => Values.GetValueOrDefault(parameter);

    public string Required(string parameter) =>
        Text(parameter) ?? throw new FixtureException(Origin, $"fixture '{Kind}' needs a '{parameter}' parameter");

    public int? Number(string parameter) => Text(parameter) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : null;
}

/// <summary>What one seeding did: the identifiers it created, and those that already existed and were left alone.</summary>
public sealed record SeedResult(IReadOnlyList<string> Created, IReadOnlyList<string> Kept);

/// <summary>A fixture the sandbox cannot create; the message starts with the fixture's <see cref="SeedSpec.Origin"/>.</summary>
public sealed class FixtureException(string origin, string problem) : Exception($"{origin}: {problem}");
