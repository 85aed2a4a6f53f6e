using System.Security.Cryptography;
using System.Text;

namespace LabRunner.Sandbox.Accounts;

/// <summary>Access keys and join codes, drawn from the operating system's CSPRNG.</summary>
public static class ClassSecrets
{
    private const string KeyIdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const string SecretAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /// <summary>No 0/O, 1/I/L: a code is read off a screen and typed.</summary>
    private const string CodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    /// <summary>A key shaped like AWS's: a 20-character id (<paramref name="prefix"/> + 16) and a 40-character secret (240 bits).</summary>
    public static StoredKey NewKey(string prefix) =>
        new(prefix + RandomNumberGenerator.GetString(KeyIdAlphabet, 20 - prefix.Length), RandomNumberGenerator.GetString(SecretAlphabet, 40));

    /// <summary>Twelve characters in three groups, e.g. <c>K7QM-2XRD-PW9A</c> (about 59 bits).</summary>
    public static string NewJoinCode() =>
        string.Join('-', Enumerable.Range(0, 3).Select(_ => RandomNumberGenerator.GetString(CodeAlphabet, 4)));

    /// <summary>What the sandbox keeps of a join code: the SHA-256 of its letters and digits, in upper case.</summary>
    public static string HashOf(string joinCode)
    {
        var normalized = new string([.. joinCode.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant)]);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
    }
}
