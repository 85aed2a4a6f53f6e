using System.Text.Json.Nodes;

namespace LabRunner.Content.Kinds;

/// <summary>Turns the schema's kind definitions into <see cref="KindDefinition"/>s (see <see cref="KindCatalog"/> for the conventions).</summary>
internal sealed class SchemaKindReader(JsonObject definitions)
{
    private const string DefinitionPrefix = "#/$defs/";
    private const string PlaceholderReference = DefinitionPrefix + "placeholder";

    public IEnumerable<KindDefinition> ReadRole(KindRole role)
    {
        var roleName = KindDefinition.RoleName(role);
        var union = definitions[roleName]?["anyOf"]?.AsArray()
            ?? throw KindCatalog.SchemaError($"$defs/{roleName} has no anyOf listing its kinds");
        return union.Select(member => ReadKind(role, DefinitionName(Reference(member) ?? throw KindCatalog.SchemaError($"$defs/{roleName} lists something other than a $ref"))));
    }

    private KindDefinition ReadKind(KindRole role, string definitionName)
    {
        var definition = Definition(definitionName);
        var properties = definition["properties"]?.AsObject() ?? throw KindCatalog.SchemaError($"$defs/{definitionName} has no properties");
        var name = properties["kind"]?["const"]?.GetValue<string>() ?? throw KindCatalog.SchemaError($"$defs/{definitionName} has no kind const");
        var required = Strings(definition["required"]);
        var parameters = properties
            .Where(property => property.Key != "kind")
            .Select(property => ReadParameter(definitionName, property.Key, property.Value!.AsObject(), required.Contains(property.Key)))
            .ToList();
        var atLeastOneOf = definition["anyOf"]?.AsArray().SelectMany(alternative => Strings(alternative?["required"])).ToList() ?? [];
        return new KindDefinition(role, name, Description(definition), parameters, atLeastOneOf);
    }

    private ParameterDefinition ReadParameter(string kind, string name, JsonObject schema, bool required)
    {
        var typeSchema = ValueSchema(schema);
        var description = Description(schema);
        var form = typeSchema["pattern"]?.GetValue<string>() is { } pattern ? new ValueForm(pattern, Description(typeSchema)) : null;
        var choices = Strings(typeSchema["enum"]);
        var type = (Reference(schema), typeSchema["type"]?.GetValue<string>()) switch
        {
            (DefinitionPrefix + "identifier", _) => ParameterType.Identifier,
            (DefinitionPrefix + "template", _) => ParameterType.Text,
            _ when choices.Count > 0 => ParameterType.Choice,
            (_, "boolean") => ParameterType.Boolean,
            (_, "integer") => ParameterType.Integer,
            (_, "string") => ParameterType.Text,
            _ => throw KindCatalog.SchemaError($"cannot tell the type of parameter {name} of $defs/{kind}"),
        };
        return new ParameterDefinition(name, type, required, description, choices,
            typeSchema["minimum"]?.GetValue<int>(), typeSchema["maximum"]?.GetValue<int>(), form);
    }

    /// <summary>
    /// The schema a parameter's literal value must satisfy: the parameter's own, or the definition it refers to, with the
    /// <c>anyOf [value, placeholder]</c> wrapper (which lets a typed parameter hold a placeholder) taken off. A reference to
    /// <c>template</c> or <c>identifier</c> is kept as written: those are the text types.
    /// </summary>
    private JsonObject ValueSchema(JsonObject schema)
    {
        if (Reference(schema) is { } reference && reference is not (DefinitionPrefix + "template" or DefinitionPrefix + "identifier"))
            return ValueSchema(Definition(DefinitionName(reference)));
        var valueAlternatives = schema["anyOf"]?.AsArray().Where(alternative => Reference(alternative) != PlaceholderReference).ToList();
        return valueAlternatives is [JsonObject single] ? ValueSchemaWithDescription(single, schema) : schema;
    }

    private static JsonObject ValueSchemaWithDescription(JsonObject value, JsonObject wrapper)
    {
        if (value["description"] is not null || wrapper["description"] is null)
            return value;
        var copy = value.DeepClone().AsObject();
        copy["description"] = wrapper["description"]!.GetValue<string>();
        return copy;
    }

    private JsonObject Definition(string name) =>
        definitions[name]?.AsObject() ?? throw KindCatalog.SchemaError($"$defs/{name} does not exist");

    private static string DefinitionName(string reference) =>
        reference.StartsWith(DefinitionPrefix, StringComparison.Ordinal)
            ? reference[DefinitionPrefix.Length..]
            : throw KindCatalog.SchemaError($"'{reference}' does not refer to a $defs entry");

    private static string? Reference(JsonNode? node) => node?["$ref"]?.GetValue<string>();

    private static string Description(JsonNode node) => node["description"]?.GetValue<string>() ?? "";

    private static List<string> Strings(JsonNode? array) =>
        array?.AsArray().Select(item => item!.GetValue<string>()).ToList() ?? [];
}
