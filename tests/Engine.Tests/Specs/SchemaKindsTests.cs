using LabRunner.Content.Kinds;
using LabRunner.Engine.Actions;
using LabRunner.Engine.Checks;
using LabRunner.Engine.Specs;

namespace LabRunner.Engine.Tests.Specs;

/// <summary>labs/lab.schema.json is the single source of truth for kinds and their parameters: every kind it declares has exactly one implementation here, and vice versa.</summary>
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

    private static IEnumerable<IKind> Implemented(KindRole role) => role switch
    {
        KindRole.Check => CheckKinds.Default.All,
        KindRole.Action => ActionKinds.Default.All,
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };
}
