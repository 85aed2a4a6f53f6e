using LabRunner.Rds.Protocol;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace LabRunner.Rds.Resilience;

/// <summary>
/// Polly around every call: an overall timeout, then retries with exponential backoff and jitter on transient
/// failures, then a timeout per attempt. All waits run on the options' <see cref="TimeProvider"/>.
/// </summary>
internal static class CallPipeline
{
    public static ResiliencePipeline Build(RdsClientOptions options, RdsCallStats stats)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = options.TimeProvider }
            .AddTimeout(options.CallTimeout);
        if (options.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.MaxRetryDelay,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome.Exception)),
                OnRetry = _ =>
                {
                    stats.RetryScheduled();
                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder.AddTimeout(options.AttemptTimeout).Build();
    }

    /// <summary>Worth another attempt: throttling, 5xx, an attempt that timed out, a connection that failed or dropped. Never a 4xx, nor an oversized body.</summary>
    public static bool IsTransient(Exception? failure) => failure switch
    {
        TimeoutRejectedException => true,
        RdsException { ErrorCode: ResponseBody.TooLargeCode } => false,
        RdsException { Kind: RdsErrorKind.Throttled or RdsErrorKind.Transport } => true,
        RdsException { StatusCode: >= 500 } => true,
        _ => false,
    };
}
