using Amazon.Runtime;

namespace LabRunner.Rds;

/// <summary>
/// How a client reaches RDS. Whatever is left null is resolved as the AWS SDKs do:
/// endpoint from <c>AWS_ENDPOINT_URL_RDS</c>, <c>AWS_ENDPOINT_URL</c>, the profile's <c>endpoint_url</c>, else the regional endpoint;
/// region from <c>AWS_REGION</c>, <c>AWS_DEFAULT_REGION</c>, else the profile; credentials from AWSSDK.Core's default chain.
/// </summary>
public sealed record RdsClientOptions
{
    public Uri? Endpoint { get; init; }

    public string? Region { get; init; }

    /// <summary>A named profile from the shared config/credentials files; when set it wins over environment keys, as <c>aws --profile</c> does.</summary>
    public string? Profile { get; init; }

    /// <summary>Fixed credentials instead of the chain (the sandbox target passes its own keys).</summary>
    public AWSCredentials? Credentials { get; init; }

    /// <summary>HTTP attempts per call, the first one included.</summary>
    public int MaxAttempts { get; init; } = 5;

    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>The whole call, retries and their waits included.</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>The median wait before the first retry; later waits grow exponentially, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(300);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>The clock for signing, retry waits and timeouts.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Replaces the default <see cref="SocketsHttpHandler"/> (tests, benchmarks, proxies). The client does not dispose it.</summary>
    public HttpMessageHandler? HttpMessageHandler { get; init; }

    /// <summary>Counters to update; pass one to share it between clients, else the client makes its own.</summary>
    public RdsCallStats? Stats { get; init; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxAttempts, 1, nameof(MaxAttempts));
        ThrowIfOutside(AttemptTimeout, nameof(AttemptTimeout));
        ThrowIfOutside(CallTimeout, nameof(CallTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(RetryBaseDelay, TimeSpan.Zero, nameof(RetryBaseDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRetryDelay, RetryBaseDelay, nameof(MaxRetryDelay));
    }

    // Polly's timeout strategy accepts 10 ms to 24 h.
    private static void ThrowIfOutside(TimeSpan value, string name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.FromMilliseconds(10), name);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, TimeSpan.FromHours(24), name);
    }
}
