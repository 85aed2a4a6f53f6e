using System.Text.Json.Nodes;

namespace LabRunner.Content.Kinds;

/// <summary>
/// Every check, action and fixture kind with its parameters, read from <see cref="LabSchema"/>: the kinds of a role
/// are the <c>$ref</c>s listed in <c>$defs/check</c>, <c>$defs/action</c> and <c>$defs/fixture</c>. Adding a kind is
/// its schema entry plus its implementation in the engine; nothing here changes.
/// </summary>
public sealed class KindCatalog
{
    private static readonly Lazy<KindCatalog> LazyDefault = new(() => FromSchema(LabSchema.Parse()));

    private readonly IReadOnlyList<KindDefinition> kinds;

    private KindCatalog(IReadOnlyList<KindDefinition> kinds) => this.kinds = kinds;

    /// <summary>The catalog of the embedded lab.schema.json.</summary>
    public static KindCatalog Default => LazyDefault.Value;

    public IReadOnlyList<KindDefinition> All => kinds;

    public IEnumerable<KindDefinition> OfRole(KindRole role) => kinds.Where(kind => kind.Role == role);

    public KindDefinition? Find(KindRole role, string name) =>
        kinds.FirstOrDefault(kind => kind.Role == role && kind.Name == name);

    /// <summary>Reads the kinds from a lab schema; throws <see cref="InvalidOperationException"/> when the schema does not follow the conventions.</summary>
    public static KindCatalog FromSchema(JsonObject schema)
    {
        var definitions = schema["$defs"]?.AsObject() ?? throw SchemaError("it has no $defs");
        var reader = new SchemaKindReader(definitions);
        return new KindCatalog([.. Enum.GetValues<KindRole>().SelectMany(reader.ReadRole)]);
    }

    internal static InvalidOperationException SchemaError(string problem) => new($"lab.schema.json: {problem}.");
}
