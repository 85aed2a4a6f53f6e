using System.Text.Json.Nodes;
using LabRunner.Content.Kinds;

namespace LabRunner.Content.Tests;

public sealed class KindCatalogTests
{
    private static readonly KindCatalog Catalog = KindCatalog.Default;

    [Fact]
    public void The_catalog_holds_the_kinds_the_schema_lists_per_role()
    {
        Assert.Equal(
        [
            "check db-cluster", "check db-cluster-snapshot", "check db-cluster-snapshot-shared",
            "action create-db-cluster-snapshot", "action modify-db-cluster", "action delete-db-cluster-snapshot",
            "action copy-db-cluster-snapshot", "action share-db-cluster-snapshot", "action restore-db-cluster-from-snapshot", "action delete-db-cluster",
            "fixture db-cluster",
        ], Catalog.All.Select(kind => kind.ToString()));
    }

    [Fact]
    public void A_cluster_check_takes_typed_parameters_of_which_only_the_cluster_is_required()
    {
        var check = Catalog.Find(KindRole.Check, "db-cluster")!;

        Assert.Equal(
        [
            ("cluster", ParameterType.Identifier, true),
            ("status", ParameterType.Text, false),
            ("writer", ParameterType.Boolean, false),
            ("backup-window", ParameterType.Text, false),
            ("backup-window-changed", ParameterType.Boolean, false),
            ("min-retention", ParameterType.Integer, false),
            ("nothing-pending", ParameterType.Boolean, false),
        ], check.Parameters.Select(parameter => (parameter.Name, parameter.Type, parameter.Required)));
        Assert.Equal((1, 35), (check.Parameter("min-retention")!.Minimum, check.Parameter("min-retention")!.Maximum));
        Assert.Equal("The preferred backup window equals this.", check.Parameter("backup-window")!.Description);
    }

    [Fact]
    public void Choices_and_at_least_one_of_rules_come_from_the_schema()
    {
        Assert.Equal(["manual", "automated"], Catalog.Find(KindRole.Check, "db-cluster-snapshot")!.Parameter("type")!.Choices);
        Assert.Equal(["backup-window", "retention"], Catalog.Find(KindRole.Action, "modify-db-cluster")!.AtLeastOneOf);
        Assert.Empty(Catalog.Find(KindRole.Action, "create-db-cluster-snapshot")!.AtLeastOneOf);
    }

    [Theory]
    [InlineData("writer", "true", null)]
    [InlineData("writer", "yes", "'yes' is not true or false")]
    [InlineData("min-retention", "7", null)]
    [InlineData("min-retention", "36", "36 is outside 1..35")]
    [InlineData("min-retention", "a week", "'a week' is not a whole number")]
    [InlineData("backup-window", "05:00-05:45", null)]
    [InlineData("backup-window", "5am", "'5am' is not a daily UTC window hh24:mi-hh24:mi such as 05:00-05:45, at least 30 minutes long")]
    [InlineData("cluster", "aurora-bob-cluster", null)]
    [InlineData("cluster", "aurora_bob", "'aurora_bob' is not a valid RDS identifier: it may hold only letters, digits and hyphens, not '_'")]
    public void A_rendered_value_is_judged_by_its_parameter_type(string parameter, string value, string? problem)
    {
        Assert.Equal(problem, Catalog.Find(KindRole.Check, "db-cluster")!.Parameter(parameter)!.Problem(value));
    }

    [Fact]
    public void A_kind_definition_without_its_kind_constant_is_a_schema_error()
    {
        var schema = LabSchema.Parse();
        schema["$defs"]!["check.db-cluster"]!["properties"]!.AsObject().Remove("kind");

        var error = Assert.Throws<InvalidOperationException>(() => KindCatalog.FromSchema(schema));

        Assert.Equal("lab.schema.json: $defs/check.db-cluster has no kind const.", error.Message);
    }

    [Fact]
    public void A_parameter_of_unknown_type_is_a_schema_error()
    {
        var schema = LabSchema.Parse();
        schema["$defs"]!["action.delete-db-cluster-snapshot"]!["properties"]!["force"] = new JsonObject { ["type"] = "array" };

        var error = Assert.Throws<InvalidOperationException>(() => KindCatalog.FromSchema(schema));

        Assert.Equal("lab.schema.json: cannot tell the type of parameter force of $defs/action.delete-db-cluster-snapshot.", error.Message);
    }
}
