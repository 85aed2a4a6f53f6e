using LabRunner.Sandbox;

namespace LabRunner.Cli.Commands;

/// <summary>
/// The access keys <c>sandbox serve</c> verifies signatures with, read from the environment or a file: a secret on the
/// command line would show in every user's process list.
/// </summary>
public static class SandboxCredentials
{
    public const string Variable = "LABRUNNER_SANDBOX_CREDENTIALS";

    /// <summary>The key in <see cref="Variable"/>, <c>KEYID:SECRET</c>.</summary>
    /// <exception cref="CliFailure">It is unset or malformed.</exception>
    public static AccessKey FromEnvironment() =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } text
            ? Parse(text) ?? throw CliFailure.Usage($"--verify-signatures: {Variable} is not KEYID:SECRET (e.g. AKIDEXAMPLE:wJalrXUtnFEMI)")
            : throw CliFailure.Usage($"--verify-signatures: set {Variable}=KEYID:SECRET in the environment, or pass --verify-signatures-file FILE");

    /// <summary>One <c>KEYID:SECRET</c> a line; blank lines and lines starting with <c>#</c> are skipped.</summary>
    /// <exception cref="CliFailure">The file cannot be read, holds no key, or a line is not a key (named by number, never echoed).</exception>
    public static IReadOnlyList<AccessKey> FromFile(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw CliFailure.Usage($"--verify-signatures-file {path}: cannot read it ({exception.Message})");
        }
        var keys = new List<AccessKey>();
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            keys.Add(Parse(line) ?? throw CliFailure.Usage($"--verify-signatures-file {path} line {index + 1}: expected KEYID:SECRET"));
        }
        return keys.Count > 0 ? keys : throw CliFailure.Usage($"--verify-signatures-file {path}: no KEYID:SECRET line in it");
    }

    private static AccessKey? Parse(string text)
    {
        var parts = text.Trim().Split(':', 2);
        return parts.Length == 2 && parts[0].Length > 0 && parts[1].Length > 0 ? new AccessKey(parts[0], parts[1]) : null;
    }
}
