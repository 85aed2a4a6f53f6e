using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace LabRunner.Content.Tests.Support;

/// <summary>Converts a YAML document to JSON the way the YAML language server does (YAML 1.2 core schema for plain scalars), to validate labs against lab.schema.json.</summary>
public static partial class YamlToJson
{
    public static JsonNode? Convert(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Convert(stream.Documents.Single().RootNode);
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(entry =>
            KeyValuePair.Create(((YamlScalarNode)entry.Key).Value!, Convert(entry.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(Convert)]),
        YamlScalarNode { Style: ScalarStyle.Plain } scalar => PlainScalar(scalar.Value ?? ""),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => throw new NotSupportedException(node.GetType().Name),
    };

    private static JsonNode? PlainScalar(string value)
    {
        if (NullForm().IsMatch(value))
            return null;
        if (value is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
            return JsonValue.Create(bool.Parse(value));
        if (IntegerForm().IsMatch(value))
            return JsonValue.Create(long.Parse(value, CultureInfo.InvariantCulture));
        if (FloatForm().IsMatch(value))
            return JsonValue.Create(double.Parse(value, CultureInfo.InvariantCulture));
        return JsonValue.Create(value);
    }

    [GeneratedRegex("^(|~|null|Null|NULL)$")]
    private static partial Regex NullForm();

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex IntegerForm();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatForm();
}
