using System.Globalization;
using System.Text.RegularExpressions;
using LabRunner.Content.Model;
using LabRunner.Content.Text;

namespace LabRunner.Content.Kinds;

/// <param name="Form">For text: the form the whole value must have, or null for any text.</param>
public sealed record ParameterDefinition(
    string Name,
    ParameterType Type,
    bool Required,
    string Description,
    IReadOnlyList<string> Choices,
    int? Minimum,
    int? Maximum,
    ValueForm? Form)
{
    /// <summary>Why <paramref name="value"/> (with every placeholder filled) is not acceptable, or null when it is.</summary>
    public string? Problem(string value) => Type switch
    {
        ParameterType.Boolean => bool.TryParse(value, out _) ? null : $"'{Echo.Of(value)}' is not true or false",
        ParameterType.Integer => IntegerProblem(value),
        ParameterType.Choice => Choices.Contains(value) ? null : $"'{Echo.Of(value)}' is not one of {string.Join(", ", Choices)}",
        ParameterType.Identifier => RdsIdentifier.Problem(value) is { } problem ? $"'{Echo.Of(value)}' is not a valid RDS identifier: {problem}" : null,
        _ => Form is not null && !Form.Matches(value) ? $"'{Echo.Of(value)}' is not {Form.Description}" : null,
    };

    private string? IntegerProblem(string value)
    {
        if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            return $"'{Echo.Of(value)}' is not a whole number";
        if (number < Minimum || number > Maximum)
            return $"{number} is outside {Minimum}..{Maximum}";
        return null;
    }
}

/// <summary>A form a text value must have, e.g. a backup window <c>hh24:mi-hh24:mi</c>.</summary>
/// <param name="Description">Reads after "is not", e.g. "a daily UTC window hh24:mi-hh24:mi".</param>
public sealed record ValueForm(string Pattern, string Description)
{
    public bool Matches(string value) => Regex.IsMatch(value, Pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
}
