namespace LabRunner.Content.Kinds;

public enum KindRole
{
    Check,
    Action,
    Fixture,
}

/// <summary>A check, action or fixture kind as lab.schema.json declares it (one <c>$defs</c> entry per kind).</summary>
/// <param name="AtLeastOneOf">Optional parameters of which at least one must be given (empty when there is no such rule).</param>
public sealed record KindDefinition(
    KindRole Role,
    string Name,
    string Description,
    IReadOnlyList<ParameterDefinition> Parameters,
    IReadOnlyList<string> AtLeastOneOf)
{
    public ParameterDefinition? Parameter(string name) => Parameters.FirstOrDefault(parameter => parameter.Name == name);

    public IEnumerable<ParameterDefinition> RequiredParameters => Parameters.Where(parameter => parameter.Required);

    public override string ToString() => $"{RoleName(Role)} {Name}";

    public static string RoleName(KindRole role) => role.ToString().ToLowerInvariant();

    /// <summary>"a check", "an action", "a fixture".</summary>
    public static string RoleWithArticle(KindRole role) => role == KindRole.Action ? "an action" : $"a {RoleName(role)}";
}

public enum ParameterType
{
    /// <summary>Free text (a template).</summary>
    Text,
    /// <summary>An RDS identifier once rendered; normalised to lower case as RDS stores it.</summary>
    Identifier,
    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,
    /// <summary>A whole number, within <see cref="ParameterDefinition.Minimum"/> and <see cref="ParameterDefinition.Maximum"/> when given.</summary>
    Integer,
    /// <summary>One of <see cref="ParameterDefinition.Choices"/>.</summary>
    Choice,
}
