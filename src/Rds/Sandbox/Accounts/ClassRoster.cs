namespace LabRunner.Sandbox.Accounts;

/// <summary>
/// A class served by the sandbox: its name, the instructor's key and each learner's. Stored in the state file (written
/// only for its owner), since the sandbox must verify signatures with the secrets. A join code is kept as its SHA-256 only.
/// </summary>
public sealed record ClassRoster
{
    public required string Name { get; init; }
    public required StoredKey Instructor { get; init; }
    public IReadOnlyList<LearnerAccount> Learners { get; init; } = [];
}

public sealed record StoredKey(string AccessKeyId, string SecretAccessKey);

/// <param name="JoinCodeHash">The SHA-256 (hex) of the learner's join code (see <see cref="ClassSecrets.HashOf"/>).</param>
/// <param name="JoinedAt">When the code was redeemed; a code joins once.</param>
public sealed record LearnerAccount(string Name, StoredKey Key, string JoinCodeHash, DateTimeOffset JoinCodeExpiresAt, DateTimeOffset? JoinedAt = null);
