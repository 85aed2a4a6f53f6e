namespace LabRunner.Content.Loading;

/// <summary>
/// The keys the loader reads in each mapping of lab.yaml, and which are required. lab.schema.json declares the same
/// (a test holds the two together); check, action and fixture parameters come from the schema itself.
/// </summary>
public static class ManifestShape
{
    public static readonly MappingShape Lab = new("lab",
        ["id", "title", "description", "estimated-minutes", "variables", "resources", "sections", "recap", "cleanup", "fixtures"],
        ["id", "title", "description", "estimated-minutes", "sections"]);

    public static readonly MappingShape Variable = new("variable", ["prompt", "type", "default", "pattern", "rds-identifier"], ["prompt"]);

    public static readonly MappingShape Section = new("section", ["title", "optional", "steps"], ["title", "steps"]);

    public static readonly MappingShape Step = new("step",
        ["id", "title", "page", "hint", "verify", "perform", "wait", "manual", "optional"],
        ["id", "title", "page"]);

    public static readonly MappingShape Wait = new("wait", ["timeout", "interval"], ["timeout", "interval"]);

    /// <summary>Each shape with the <c>$defs</c> entry that describes it in the schema (null: the schema's root).</summary>
    public static IReadOnlyList<(MappingShape Shape, string? SchemaDefinition)> All { get; } =
        [(Lab, null), (Variable, "variable"), (Section, "section"), (Step, "step"), (Wait, "wait")];
}

/// <param name="Name">How findings call such a mapping, e.g. "step".</param>
public sealed record MappingShape(string Name, IReadOnlyList<string> Keys, IReadOnlyList<string> Required);
