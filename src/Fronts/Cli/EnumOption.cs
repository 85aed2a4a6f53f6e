using System.CommandLine.Parsing;

namespace LabRunner.Cli;

/// <summary>Options whose value is one of an enum's names, in any case (<c>--format json</c>).</summary>
public static class EnumOption
{
    /// <summary>The value named, or null (with an error naming every choice) for anything else; null when the option is not given.</summary>
    public static TEnum? Parse<TEnum>(ArgumentResult result, string flag) where TEnum : struct, Enum
    {
        if (result.Tokens.Count == 0)
            return null;
        var text = result.Tokens[0].Value;
        if (Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && !int.TryParse(text, out _))
            return value;
        var names = Enum.GetNames<TEnum>().Select(name => name.ToLowerInvariant()).ToList();
        result.AddError($"{flag} '{text}' is not {string.Join(", ", names[..^1])} or {names[^1]}");
        return null;
    }
}
