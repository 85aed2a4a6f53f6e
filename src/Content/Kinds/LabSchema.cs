using System.Text.Json.Nodes;

namespace LabRunner.Content.Kinds;

/// <summary>
/// <c>labs/lab.schema.json</c>, embedded in this assembly: the single source of the manifest's keys (for editors)
/// and of every check, action and fixture kind with its parameters (for LabRunner, through <see cref="KindCatalog"/>).
/// </summary>
public static class LabSchema
{
    private const string ResourceName = "LabRunner.Content.lab.schema.json";

    private static readonly Lazy<string> LazyText = new(ReadText);

    public static string Text => LazyText.Value;

    /// <summary>A fresh, mutable copy of the schema's JSON.</summary>
    public static JsonObject Parse() =>
        JsonNode.Parse(Text)?.AsObject() ?? throw new InvalidOperationException("lab.schema.json is empty.");

    /// <summary>The <c>pattern</c> of a string definition under <c>$defs</c>, e.g. <c>slug</c>.</summary>
    public static string DefinitionPattern(string definition) =>
        Parse()["$defs"]?[definition]?["pattern"]?.GetValue<string>()
        ?? throw new InvalidOperationException($"lab.schema.json has no pattern for $defs/{definition}.");

    private static string ReadText()
    {
        using var stream = typeof(LabSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from LabRunner.Content.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
