using System.Buffers;
using LabRunner.Content.Text;

namespace LabRunner.Content.Model;

/// <summary>RDS's rules for DB cluster, instance and snapshot identifiers. RDS stores identifiers in lower case.</summary>
public static class RdsIdentifier
{
    public const int MaxLength = 63;

    private static readonly SearchValues<char> Allowed = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-");

    /// <summary>Why <paramref name="identifier"/> is not a valid RDS identifier, or null when it is.</summary>
    public static string? Problem(string identifier)
    {
        if (identifier.Length == 0)
            return "it is empty";
        if (identifier.Length > MaxLength)
            return $"it is {identifier.Length} characters long, at most {MaxLength} are allowed";
        if (!char.IsAsciiLetter(identifier[0]))
            return $"it must start with a letter, not '{Echo.Of(identifier[..1])}'";
        if (identifier.AsSpan().IndexOfAnyExcept(Allowed) is var bad and >= 0)
            return $"it may hold only letters, digits and hyphens, not '{Echo.Of(identifier[bad].ToString())}'";
        if (identifier.Contains("--", StringComparison.Ordinal))
            return "it must not contain two consecutive hyphens";
        if (identifier.EndsWith('-'))
            return "it must not end with a hyphen";
        return null;
    }

    public static bool IsValid(string identifier) => Problem(identifier) is null;

    /// <summary>The identifier as RDS stores and returns it.</summary>
    public static string Normalize(string identifier) => identifier.ToLowerInvariant();
}
