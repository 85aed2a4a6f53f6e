using System.Xml.Linq;
using Amazon.Runtime;
using LabRunner.Rds.Resilience;
using Polly;
using Polly.Timeout;

namespace LabRunner.Rds.Protocol;

/// <summary>
/// Sends one Query-API call through the resilience pipeline: each attempt is signed afresh (new <c>x-amz-date</c>),
/// posted, and its answer interpreted; every failure leaves as an <see cref="RdsException"/> (or the caller's cancellation).
/// </summary>
internal sealed class QueryTransport : IDisposable
{
    private readonly RdsTargetInfo target;
    private readonly AWSCredentials credentials;
    private readonly QuerySigner signer;
    private readonly HttpClient http;
    private readonly ResiliencePipeline pipeline;
    private readonly TimeProvider time;
    private readonly RdsCallStats stats;

    public QueryTransport(RdsTargetInfo target, AWSCredentials credentials, RdsClientOptions options, RdsCallStats stats)
    {
        this.target = target;
        this.credentials = credentials;
        this.stats = stats;
        signer = new QuerySigner(target.Region);
        time = options.TimeProvider;
        pipeline = CallPipeline.Build(options, stats);
        http = new HttpClient(options.HttpMessageHandler ?? RdsHttpHandler.New(), disposeHandler: options.HttpMessageHandler is null)
        {
            Timeout = Timeout.InfiniteTimeSpan, // the pipeline owns timeouts
        };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("LabRunner/1.0");
    }

    private Uri Endpoint => target.Endpoint;

    public async Task<T> CallAsync<T>(RequestForm parameters, Func<XElement, T> read, CancellationToken cancellationToken)
    {
        stats.CallStarted();
        var body = parameters.ToFormBody();
        var invocation = Guid.NewGuid().ToString();
        var attempts = 0;
        try
        {
            return await pipeline.ExecuteAsync(
                async token => await AttemptAsync(parameters.Action, body, new SdkInvocation(invocation, ++attempts), read, cancellationToken, token).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException e)
        {
            stats.CallFailed();
            var tries = attempts == 1 ? "" : $" ({attempts} attempts)";
            throw new RdsException(
                RdsErrorKind.Transport,
                "Timeout",
                $"{Endpoint} did not answer {parameters.Action} within {e.Timeout.TotalSeconds:0.###} s{tries}.",
                innerException: e);
        }
        catch (RdsException)
        {
            stats.CallFailed();
            throw;
        }
    }

    /// <param name="callerToken">The caller's own token, to tell a cancellation from a timeout.</param>
    /// <param name="token">The caller's token linked with the pipeline's timeouts.</param>
    private async Task<T> AttemptAsync<T>(string action, byte[] body, SdkInvocation invocation, Func<XElement, T> read, CancellationToken callerToken, CancellationToken token)
    {
        var started = time.GetTimestamp();
        int? statusCode = null;
        RdsException? failure = null;
        try
        {
            using var request = await SignedRequestAsync(body, invocation).ConfigureAwait(false);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
            statusCode = (int)response.StatusCode;
            if (response.Headers.Date is { } serverNow)
                stats.ServerClockSeen(serverNow - time.GetUtcNow());
            if (response.Headers.TryGetValues(RdsCallStats.SandboxIdHeader, out var sandboxIds))
                stats.SandboxIdSeen(sandboxIds.FirstOrDefault());
            using var answer = await ResponseBody.ReadAsync(response.Content, action, statusCode.Value, Endpoint, token).ConfigureAwait(false);
            try
            {
                return read(ResponseInterpreter.ResultOf(action, statusCode.Value, answer, Endpoint));
            }
            catch (InvalidDataException e)
            {
                throw ResponseInterpreter.Malformed(action, e, statusCode.Value, Endpoint);
            }
        }
        catch (RdsException e) when (e.Kind == RdsErrorKind.Credentials && e.ErrorCode != "CredentialsUnavailable")
        {
            failure = new RdsException(e.Kind, e.ErrorCode, target.AboutCredentials($"{e.ErrorCode}: {e.Message}"), e.RequestId, e.StatusCode, e);
            throw failure;
        }
        catch (RdsException e)
        {
            failure = e;
            throw;
        }
        catch (Exception e) when (e is HttpRequestException or IOException && !token.IsCancellationRequested)
        {
            failure = TransportErrors.From(e, Endpoint);
            throw failure;
        }
        finally
        {
            var errorCode = failure?.ErrorCode
                ?? (callerToken.IsCancellationRequested ? "Cancelled" : token.IsCancellationRequested ? "Timeout" : null);
            stats.AttemptEnded(
                new RdsAttempt(action, invocation.Attempt, statusCode, errorCode, time.GetElapsedTime(started)),
                throttled: failure?.Kind == RdsErrorKind.Throttled);
        }
    }

    private async Task<HttpRequestMessage> SignedRequestAsync(byte[] body, SdkInvocation invocation)
    {
        var keys = await CurrentKeysAsync().ConfigureAwait(false);
        var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", QuerySigner.ContentType);
        signer.Sign(request, body, keys, time.GetUtcNow(), invocation.Headers);
        return request;
    }

    // Refreshing credentials (SSO, assume-role, instance metadata) renew themselves here. A provider fails with the
    // SDK's client or service exceptions, or (a missing runtime piece, an unreadable token file) with others of its own.
    internal async Task<ImmutableCredentials> CurrentKeysAsync()
    {
        try
        {
            return await credentials.GetCredentialsAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is AmazonClientException or AmazonServiceException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            throw new RdsException(
                RdsErrorKind.Credentials,
                "CredentialsUnavailable",
                target.AboutCredentials($"Could not get AWS credentials: {e.Message}"),
                innerException: e);
        }
    }

    public void Dispose() => http.Dispose();
}
