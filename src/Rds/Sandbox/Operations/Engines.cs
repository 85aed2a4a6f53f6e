using LabRunner.Sandbox.Protocol;

namespace LabRunner.Sandbox.Operations;

/// <summary>The DB engines the sandbox accepts for clusters, with RDS's default version and port for each.</summary>
public static class Engines
{
    private sealed record EngineDefaults(string Version, int Port);

    private static readonly Dictionary<string, EngineDefaults> Known = new(StringComparer.Ordinal)
    {
        ["aurora-mysql"] = new("8.0.mysql_aurora.3.08.0", 3306),
        ["aurora-postgresql"] = new("16.4", 5432),
        ["mysql"] = new("8.0.39", 3306),
        ["postgres"] = new("16.4", 5432),
    };

    public static string Validate(string engine)
    {
        var normalized = engine.ToLowerInvariant();
        return Known.ContainsKey(normalized)
            ? normalized
            : throw RdsFault.InvalidParameterValue($"Invalid DB engine: {engine}. The sandbox supports {string.Join(", ", Known.Keys)}.");
    }

    public static string DefaultVersion(string engine) => Known[engine].Version;

    public static int DefaultPort(string engine) => Known[engine].Port;
}
