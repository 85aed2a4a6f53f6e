using System.Globalization;
using LabRunner.Content.Model;

namespace LabRunner.Engine.Specs;

/// <summary>A parameter a check or action kind accepts, as named in lab.yaml and in labs/lab.schema.json.</summary>
public abstract class KindParameter(string name, bool required)
{
    public string Name { get; } = name;

    public bool Required { get; } = required;
}

/// <summary>A parameter whose rendered text parses to a <typeparamref name="T"/>, or explains why it does not.</summary>
public sealed class KindParameter<T>(string name, bool required, Func<string, (T? Value, string? Problem)> parse)
    : KindParameter(name, required) where T : notnull
{
    internal (T? Value, string? Problem) Parse(string text) => parse(text);
}

/// <summary>The parameter types the kinds use.</summary>
public static class KindParameters
{
    /// <summary>An RDS identifier, normalised to lower case as RDS stores it.</summary>
    public static KindParameter<string> Identifier(string name, bool required = true) =>
        new(name, required, text =>
        {
            var identifier = RdsIdentifier.Normalize(text);
            var problem = RdsIdentifier.Problem(identifier);
            return problem is null ? (identifier, null) : (null, $"'{text}' is not a valid RDS identifier: {problem}");
        });

    public static KindParameter<string> Choice(string name, params string[] choices) =>
        new(name, false, text => choices.Contains(text, StringComparer.Ordinal)
            ? (text, null)
            : (null, $"'{text}' is not one of {string.Join(", ", choices)}"));

    public static KindParameter<bool> Flag(string name) =>
        new(name, false, text => bool.TryParse(text, out var value)
            ? (value, null)
            : (false, $"'{text}' is not true or false"));

    public static KindParameter<int> Count(string name, int minimum, int maximum) =>
        new(name, false, text => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum && value <= maximum
            ? (value, null)
            : (0, $"'{text}' is not a whole number from {minimum} to {maximum}"));

    public static KindParameter<TimeWindow> Window(string name) =>
        new(name, false, text => TimeWindow.TryParse(text, out var window, out var problem) ? (window, null) : (null, problem));
}
