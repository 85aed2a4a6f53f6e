using System.Globalization;
using LabRunner.Content.Kinds;
using LabRunner.Content.Model;
using LabRunner.Content.Templates;

namespace LabRunner.Content.Learners;

/// <summary>
/// Renders a check, action or fixture for one learner: every parameter filled, judged by its kind's parameter type,
/// identifiers lower-cased as RDS stores them. What the engine and the sandbox work from.
/// </summary>
public static class SpecBinding
{
    public static BoundSpecResult Bind(KindSpec spec, KindRole role, PlaceholderValues values, KindCatalog? catalog = null)
    {
        if ((catalog ?? KindCatalog.Default).Find(role, spec.Kind) is not { } kind)
            return new BoundSpecResult(null, [$"there is no {KindDefinition.RoleName(role)} kind '{spec.Kind}'"]);
        var rendered = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var (name, value) in spec.Parameters)
        {
            var parameter = kind.Parameter(name);
            var text = values.RenderLenient(value.Value);
            if (parameter is null)
                problems.Add($"{kind} takes no parameter '{name}'");
            else if (value.Value.Placeholders.FirstOrDefault(placeholder => !values.TryGet(placeholder, out _)) is { } undefined)
                problems.Add($"parameter '{name}' of {kind}: '{{{undefined.Name}}}' has no value");
            else if (parameter.Problem(text) is { } problem)
                problems.Add($"parameter '{name}' of {kind}: {problem}");
            else
                rendered[name] = parameter.Type == ParameterType.Identifier ? RdsIdentifier.Normalize(text) : text;
        }
        return problems.Count > 0 ? new BoundSpecResult(null, problems) : new BoundSpecResult(new BoundSpec(kind, rendered, spec.Location), []);
    }
}

public sealed record BoundSpecResult(BoundSpec? Spec, IReadOnlyList<string> Problems);

/// <summary>A spec's parameters as one learner's values, each already valid for its type.</summary>
public sealed record BoundSpec(KindDefinition Kind, IReadOnlyDictionary<string, string> Values, SourceSpan Location)
{
    public string? Text(string parameter) => Values.GetValueOrDefault(Declared(parameter));

    /// <summary>A parameter the kind requires (so the loader guaranteed it is there).</summary>
    public string Required(string parameter) =>
        Text(parameter) ?? throw new InvalidOperationException($"{Kind} was bound without its parameter '{parameter}'.");

    public bool? Flag(string parameter) => Text(parameter) is { } value ? bool.Parse(value) : null;

    public int? Number(string parameter) => Text(parameter) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : null;

    private string Declared(string parameter) =>
        Kind.Parameter(parameter) is not null ? parameter : throw new ArgumentException($"{Kind} has no parameter '{parameter}'.", nameof(parameter));
}
