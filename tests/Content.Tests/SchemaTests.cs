using System.Text.RegularExpressions;
using Json.Schema;
using LabRunner.Content.Findings;
using LabRunner.Content.Kinds;
using LabRunner.Content.Loading;
using LabRunner.Content.Tests.Support;
using LabRunner.TestSupport;

namespace LabRunner.Content.Tests;

public sealed class SchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(Repository.PathOf("labs", "lab.schema.json")));

    public static TheoryData<string> LabFolders() =>
        [.. Directory.GetDirectories(Repository.PathOf("labs")).Select(folder => Path.GetFileName(folder))];

    [Theory]
    [MemberData(nameof(LabFolders))]
    public void Every_lab_validates_against_the_schema(string lab)
    {
        var results = Evaluate(Repository.PathOf("labs", lab, "lab.yaml"));

        Assert.True(results.IsValid, Describe(results));
    }

    [Theory]
    [InlineData("unknown-key")]
    [InlineData("missing-key")]
    [InlineData("bad-value")]
    [InlineData("unknown-kind")]
    [InlineData("unknown-parameter")]
    [InlineData("missing-parameter")]
    [InlineData("bad-parameter")]
    [InlineData("step-shape")]
    public void The_schema_rejects_the_broken_labs_the_loader_rejects_for_their_shape(string brokenLab)
    {
        Assert.False(Evaluate(Repository.PathOf("tests", "broken-labs", brokenLab, "lab.yaml")).IsValid);
    }

    [Fact]
    public void The_embedded_schema_is_labs_lab_schema_json()
    {
        Assert.Equal(File.ReadAllText(Repository.PathOf("labs", "lab.schema.json")), LabSchema.Text);
    }

    [Fact]
    public void The_schema_and_the_loader_agree_on_every_mapping_s_keys_and_required_keys()
    {
        var schema = LabSchema.Parse();
        foreach (var (shape, definition) in ManifestShape.All)
        {
            var node = definition is null ? schema : schema["$defs"]![definition]!;
            Assert.Equal(shape.Keys.Order(), node["properties"]!.AsObject().Select(property => property.Key).Order());
            Assert.Equal(shape.Required.Order(), node["required"]!.AsArray().Select(key => key!.GetValue<string>()).Order());
            Assert.False(node["additionalProperties"]!.GetValue<bool>());
        }
    }

    [Fact]
    public void Every_kind_definition_in_the_schema_is_listed_under_its_role()
    {
        var kindDefinitions = LabSchema.Parse()["$defs"]!.AsObject()
            .Where(definition => definition.Value!["properties"]?["kind"] is not null)
            .Select(definition => definition.Key);

        Assert.Equal(kindDefinitions.Order(), KindCatalog.Default.All.Select(kind => $"{KindDefinition.RoleName(kind.Role)}.{kind.Name}").Order());
    }

    [Fact]
    public void The_authors_readme_documents_every_finding_code_with_its_severity()
    {
        var rows = File.ReadAllLines(Repository.PathOf("labs", "README.md"))
            .Select(line => Regex.Match(line, @"^\| (LR\d{3}) \| (error|warning) \|"))
            .Where(match => match.Success)
            .Select(match => (match.Groups[1].Value, match.Groups[2].Value));

        Assert.Equal(FindingCodes.All.Select(code => (code.Id, code.Severity.ToString().ToLowerInvariant())), rows);
    }

    private static EvaluationResults Evaluate(string manifest) =>
        Schema.Evaluate(YamlToJson.Convert(File.ReadAllText(manifest)), new EvaluationOptions { OutputFormat = OutputFormat.List });

    private static string Describe(EvaluationResults results) =>
        string.Join("\n", (results.Details ?? []).Where(detail => detail.HasErrors)
            .SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation}: {error.Value}")));
}
