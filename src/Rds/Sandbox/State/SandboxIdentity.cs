using System.Security.Cryptography;

namespace LabRunner.Sandbox.State;

/// <summary>A sandbox's stable identity, <c>sbx-</c> and 16 random lower-case letters and digits, and the header that tells clients.</summary>
public static class SandboxIdentity
{
    /// <summary>The response header every answer of the sandbox carries its identity in.</summary>
    public const string Header = "x-labrunner-sandbox-id";

    private const string Prefix = "sbx-";
    private const int RandomLength = 16;

    public static string New() => Prefix + RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", RandomLength);
}
