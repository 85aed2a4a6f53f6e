using LabRunner.Content.Files;
using LabRunner.Content.Findings;
using LabRunner.Content.Model;
using LabRunner.Content.Templates;
using LabRunner.Content.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace LabRunner.Content.Loading;

/// <summary>What reading one lab.yaml shares: its text (for positions), its folder, the findings so far and the placeholder names in scope.</summary>
internal sealed class ManifestContext(SourceText source, LabFolder folder)
{
    /// <summary>Locating a placeholder searches its value, so a value made of thousands of them is reported in part.</summary>
    private const int MaxUndefinedPerValue = 20;

    private readonly List<Finding> findings = [];

    public SourceText Source => source;

    public LabFolder Folder => folder;

    public IReadOnlyList<Finding> Findings => findings;

    /// <summary>The placeholder names templates may use, as declared; keyed by <see cref="PlaceholderKey"/>.</summary>
    public PlaceholderScope Scope { get; set; } = PlaceholderScope.Empty;

    public SourceSpan At(YamlNode node) => YamlDocumentReader.At(source, node.Start);

    public void Report(FindingCode code, YamlNode node, string message) => Report(code.At(At(node), message));

    public void Report(Finding finding) => findings.Add(finding);

    /// <summary>Parses a scalar as a template and reports each placeholder <see cref="Scope"/> does not define, at its own column.</summary>
    public Template ReadTemplate(YamlScalarNode node, string where)
    {
        var template = TemplateParser.Parse(node.Value ?? "");
        var undefined = template.Placeholders.Where(placeholder => !Scope.Defines(placeholder)).ToList();
        foreach (var placeholder in undefined.Take(MaxUndefinedPerValue))
        {
            Report(FindingCodes.UndefinedPlaceholder.At(PlaceholderSpan(node, template, placeholder),
                $"'{{{Echo.Of(placeholder.Name)}}}' in {where} is {Scope.Describe(placeholder)}"));
        }
        if (undefined.Count > MaxUndefinedPerValue)
            Report(FindingCodes.UndefinedPlaceholder, node, $"{where} holds {undefined.Count - MaxUndefinedPerValue} more undefined placeholders");
        return template;
    }

    /// <summary>Where a placeholder sits in the file: its n-th occurrence in the scalar's source text, else the scalar's start.</summary>
    private SourceSpan PlaceholderSpan(YamlScalarNode node, Template template, Placeholder placeholder)
    {
        var written = template.Source.Substring(placeholder.Offset, placeholder.Name.Length + 2);
        var occurrence = CountOccurrences(template.Source[..placeholder.Offset], written);
        var start = (int)node.Start.Index;
        var raw = source.Text[start..(int)Math.Min(node.End.Index, source.Text.Length)];
        var index = -1;
        for (var seen = 0; seen <= occurrence; seen++)
        {
            index = raw.IndexOf(written, index + 1, StringComparison.Ordinal);
            if (index < 0)
                return At(node);
        }
        return source.SpanAt(start + index);
    }

    /// <summary>A mapping key as text, or null (reported) when the key is a list or mapping.</summary>
    public string? ScalarKey(YamlNode key, string where)
    {
        if (key is YamlScalarNode { Value: { } text })
            return text;
        Report(FindingCodes.BadValue, key, $"a key in {where} must be a name, not {MappingReader.Describe(key)}");
        return null;
    }

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: "" or "~" or "null" or "Null" or "NULL" };

    private static int CountOccurrences(string text, string part)
    {
        var count = 0;
        for (var index = text.IndexOf(part, StringComparison.Ordinal); index >= 0; index = text.IndexOf(part, index + 1, StringComparison.Ordinal))
            count++;
        return count;
    }
}
