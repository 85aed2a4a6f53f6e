using LabRunner.Content.Kinds;
using LabRunner.Engine.Actions;
using LabRunner.Engine.Checks;
using LabRunner.Engine.Specs;

namespace LabRunner.Engine.Tests.Specs;

/// <summary>labs/lab.schema.json is the single source of truth for kinds: every kind it declares has exactly one implementation here, with the same parameters, and vice versa.</summary>
public class SchemaKindsTests
{
    public static TheoryData<KindRole> Roles => new(KindRole.Check, KindRole.Action);

    [Theory]
    [MemberData(nameof(Roles))]
    public void Every_schema_kind_has_exactly_one_implementation_and_every_implementation_a_schema_kind(KindRole role)
    {
        var declared = KindCatalog.Default.OfRole(role).Select(kind => kind.Name).Order(StringComparer.Ordinal);

        Assert.Equal(declared, Implemented(role).Select(kind => kind.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public void Each_kind_takes_the_parameters_the_schema_gives_it(KindRole role)
    {
        foreach (var kind in Implemented(role))
        {
            var schema = KindCatalog.Default.Find(role, kind.Name)!;
            Assert.Equal(
                schema.Parameters.Select(parameter => (parameter.Name, parameter.Required)).Order(),
                kind.Parameters.Select(parameter => (parameter.Name, parameter.Required)).Order());
        }
    }

    private static IEnumerable<IKind> Implemented(KindRole role) => role switch
    {
        KindRole.Check => CheckKinds.Default.All,
        KindRole.Action => ActionKinds.Default.All,
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };
}
