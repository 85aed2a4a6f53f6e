using System.Net;
using LabRunner.Sandbox.Http;
using LabRunner.Sandbox.Seeding;

namespace LabRunner.Sandbox;

/// <summary>How a sandbox runs. Every duration is measured on <see cref="TimeProvider"/>, so tests can move time by hand.</summary>
public sealed record SandboxOptions
{
    /// <summary>The port to listen on; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>
    /// The address to listen on: loopback by default; a LAN address (or <see cref="IPAddress.Any"/>) serves a class.
    /// Beyond loopback the sandbox needs <see cref="VerifySignaturesWith"/>: anyone on the network could reach it.
    /// </summary>
    public IPAddress BindAddress { get; init; } = IPAddress.Loopback;

    public bool ListensBeyondLoopback => !IPAddress.IsLoopback(BindAddress);

    /// <summary>The JSON state file; null keeps state in memory only.</summary>
    public string? StateFile { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>How long a snapshot of a cluster of up to <see cref="SnapshotReferenceStorageGiB"/> stays <c>creating</c>; larger clusters take proportionally longer.</summary>
    public TimeSpan SnapshotDuration { get; init; } = TimeSpan.FromMinutes(1);

    public const int SnapshotReferenceStorageGiB = 100;

    /// <summary>How long a cluster or instance made through the API stays <c>creating</c>. Seeded fixtures are available at once.</summary>
    public TimeSpan ProvisioningDuration { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How long an engine upgrade keeps a cluster <c>upgrading</c>.</summary>
    public TimeSpan UpgradeDuration { get; init; } = TimeSpan.FromMinutes(2);

    public FaultSpec Faults { get; init; } = FaultSpec.None;

    /// <summary>Access keys whose SigV4 signatures are checked; empty accepts any POST, signed or not (a GET must still be presigned, see <see cref="SignatureVerifier"/>).</summary>
    public IReadOnlyList<AccessKey> VerifySignaturesWith { get; init; } = [];

    public string Region { get; init; } = "us-east-1";

    /// <summary>The account id in ARNs; a placeholder, the sandbox has no accounts.</summary>
    public string AccountId { get; init; } = "000000000000";

    /// <summary>RDS's default quota of manual DB cluster snapshots per account and region.</summary>
    public int ManualSnapshotQuota { get; init; } = 100;

    /// <summary>
    /// The class this sandbox serves, or null for the single-learner sandbox. With a class, each learner is an account of
    /// their own with a key of their own, the instructor's key reads every account and changes nothing, and every
    /// request must be signed with one of those keys (or of <see cref="VerifySignaturesWith"/>, the default account's).
    /// </summary>
    public string? ClassName { get; init; }

    /// <summary>A new learner's starting resources (the lab's fixtures bound to their name); null starts them empty.</summary>
    /// <remarks>Throws <see cref="ArgumentException"/>, saying why, for a name the lab cannot take.</remarks>
    public Func<string, IReadOnlyList<SeedSpec>>? LearnerFixtures { get; init; }

    /// <summary>How long a learner's join code can be redeemed.</summary>
    public TimeSpan JoinCodeLifetime { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Told about a failure the sandbox did not expect (answered as HTTP 500 InternalFailure), e.g. to log it.</summary>
    public Action<Exception>? OnUnexpectedError { get; init; }

    /// <summary>How long one cluster snapshot takes at the given allocated storage.</summary>
    public TimeSpan SnapshotDurationFor(int allocatedStorageGiB) =>
        SnapshotDuration * Math.Max(1.0, allocatedStorageGiB / (double)SnapshotReferenceStorageGiB);
}

/// <summary>An access key id and its secret, for verifying signatures.</summary>
public sealed record AccessKey(string AccessKeyId, string SecretAccessKey);
