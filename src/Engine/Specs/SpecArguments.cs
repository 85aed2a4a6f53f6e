using LabRunner.Content.Model;
using LabRunner.Content.Templates;

namespace LabRunner.Engine.Specs;

/// <summary>
/// A spec's parameters rendered for one learner and parsed by the kind's declared parameters.
/// Unknown and missing parameters, unfilled placeholders and unparsable values are <see cref="LabSpecException"/>s at their place in lab.yaml.
/// </summary>
public sealed class SpecArguments
{
    private readonly KindSpec spec;
    private readonly PlaceholderValues values;

    public SpecArguments(KindSpec spec, IReadOnlyList<KindParameter> declared, PlaceholderValues values)
    {
        this.spec = spec;
        this.values = values;
        var unknown = spec.Parameters.Keys.FirstOrDefault(name => declared.All(parameter => parameter.Name != name));
        if (unknown is not null)
            throw new LabSpecException(spec.Parameters[unknown].Location,
                $"{spec.Kind} has no parameter '{unknown}'; it takes {string.Join(", ", declared.Select(parameter => parameter.Name))}");
        var missing = declared.FirstOrDefault(parameter => parameter.Required && !spec.Parameters.ContainsKey(parameter.Name));
        if (missing is not null)
            throw new LabSpecException(spec.Location, $"{spec.Kind} needs the parameter '{missing.Name}'");
    }

    public SourceSpan Location => spec.Location;

    public T Required<T>(KindParameter<T> parameter) where T : class =>
        Parse(parameter) ?? throw new LabSpecException(spec.Location, $"{spec.Kind} needs the parameter '{parameter.Name}'");

    public T? Optional<T>(KindParameter<T> parameter) where T : class => Parse(parameter);

    public T? OptionalValue<T>(KindParameter<T> parameter) where T : struct =>
        spec.Parameters.ContainsKey(parameter.Name) ? Parse(parameter) : null;

    private T? Parse<T>(KindParameter<T> parameter) where T : notnull
    {
        if (spec.Get(parameter.Name) is not { } specValue)
            return default;
        string text;
        try
        {
            text = values.Render(specValue.Value);
        }
        catch (UndefinedPlaceholderException undefined)
        {
            throw new LabSpecException(specValue.Location, $"{spec.Kind} parameter '{parameter.Name}': {undefined.Message}");
        }
        var (value, problem) = parameter.Parse(text);
        if (problem is not null)
            throw new LabSpecException(specValue.Location, $"{spec.Kind} parameter '{parameter.Name}': {problem}");
        return value;
    }
}
