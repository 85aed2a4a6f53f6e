using System.Globalization;
using LabRunner.Content.Findings;
using LabRunner.Content.Text;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace LabRunner.Content.Loading;

/// <summary>
/// Reads one mapping of lab.yaml by its <see cref="MappingShape"/>: unknown keys (with a did-you-mean) and missing
/// required keys are reported when it opens; each getter reports a value of the wrong type at the value.
/// </summary>
internal sealed class MappingReader
{
    private readonly ManifestContext context;
    private readonly MappingShape shape;
    private readonly Dictionary<string, YamlNode> values = new(StringComparer.Ordinal);

    private MappingReader(ManifestContext context, MappingShape shape, YamlMappingNode mapping)
    {
        this.context = context;
        this.shape = shape;
        Node = mapping;
        foreach (var (keyNode, value) in mapping.Children)
        {
            if (context.ScalarKey(keyNode, shape.Name) is not { } key)
                continue;
            if (shape.Keys.Contains(key))
                values[key] = value;
            else
                context.Report(FindingCodes.UnknownKey, keyNode, $"unknown key '{Echo.Of(key)}' in {shape.Name}{DidYouMean.Suffix(key, shape.Keys)}");
        }
        foreach (var missing in shape.Required.Where(key => !values.ContainsKey(key) || ManifestContext.IsNull(values[key])))
            context.Report(FindingCodes.MissingKey, mapping, $"{shape.Name} has no '{missing}'");
    }

    public YamlMappingNode Node { get; }

    /// <summary>A reader for <paramref name="node"/>, or null (reported) when it is not a mapping.</summary>
    public static MappingReader? Open(ManifestContext context, YamlNode node, MappingShape shape)
    {
        if (node is YamlMappingNode mapping)
            return new MappingReader(context, shape, mapping);
        context.Report(FindingCodes.BadValue, node, $"expected a {shape.Name} (a mapping of keys to values), found {Describe(node)}");
        return null;
    }

    /// <summary>The value under <paramref name="key"/>, or null when it is absent or empty.</summary>
    public YamlNode? Value(string key)
    {
        if (!shape.Keys.Contains(key))
            throw new InvalidOperationException($"The loader reads '{key}' from a {shape.Name}, but ManifestShape does not declare it.");
        return values.TryGetValue(key, out var node) && !ManifestContext.IsNull(node) ? node : null;
    }

    public YamlScalarNode? Scalar(string key) => Typed<YamlScalarNode>(key, "a single value");

    public string? String(string key) => Scalar(key)?.Value;

    public int? Integer(string key, int minimum, int maximum)
    {
        if (Scalar(key) is not { } node)
            return null;
        if (int.TryParse(node.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= minimum && number <= maximum)
            return number;
        context.Report(FindingCodes.BadValue, node, $"'{key}' must be a whole number from {minimum} to {maximum}, not '{Echo.Of(node.Value)}'");
        return null;
    }

    public bool Boolean(string key)
    {
        if (Scalar(key) is not { } node)
            return false;
        if (bool.TryParse(node.Value, out var value))
            return value;
        context.Report(FindingCodes.BadValue, node, $"'{key}' must be true or false, not '{Echo.Of(node.Value)}'");
        return false;
    }

    public YamlMappingNode? Mapping(string key) => Typed<YamlMappingNode>(key, "a mapping");

    /// <summary>The items of the list under <paramref name="key"/>; empty items are reported and skipped.</summary>
    public IReadOnlyList<YamlNode> List(string key)
    {
        if (Typed<YamlSequenceNode>(key, "a list") is not { } sequence)
            return [];
        foreach (var empty in sequence.Children.Where(ManifestContext.IsNull))
            context.Report(FindingCodes.EmptyListItem, empty, $"empty item in '{key}'");
        return [.. sequence.Children.Where(item => !ManifestContext.IsNull(item))];
    }

    /// <summary>The value under <paramref name="key"/> when it is a <typeparamref name="TNode"/>; null when absent or (reported) of another kind.</summary>
    private TNode? Typed<TNode>(string key, string expected)
        where TNode : YamlNode
    {
        var node = Value(key);
        if (node is null or TNode)
            return (TNode?)node;
        context.Report(FindingCodes.BadValue, node, $"'{key}' in {shape.Name} must be {expected}, not {Describe(node)}");
        return null;
    }

    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode { Style: MappingStyle.Flow } => "a {…} mapping (in YAML, quote a value that starts with a placeholder: \"{name}\")",
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode scalar when ManifestContext.IsNull(scalar) => "nothing",
        YamlScalarNode scalar => $"'{Echo.Of(scalar.Value)}'",
        _ => "an alias",
    };
}
