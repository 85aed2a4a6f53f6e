using System.Xml.Linq;
using LabRunner.Rds.Protocol;

namespace LabRunner.Rds.Passes;

/// <summary>
/// Replays progress passes for a class: one HTTP client that follows no redirect and sends no credentials, shared by
/// every learner's <see cref="PassReplay"/>, with the requests counted in <see cref="Stats"/>.
/// </summary>
public sealed class PassReplayer : IDisposable
{
    private readonly PassHosts hosts;
    private readonly string? region;
    private readonly TimeProvider time;
    private readonly TimeSpan timeout;
    private readonly HttpClient http;

    /// <param name="region">The class's region: a pass signed for another is refused as foreign; null accepts any.</param>
    /// <param name="handler">Replaces the default handler (tests); it must not follow redirects. Not disposed here.</param>
    public PassReplayer(PassHosts hosts, string? region, TimeProvider? time = null, HttpMessageHandler? handler = null, TimeSpan? timeout = null)
    {
        this.hosts = hosts;
        this.region = region;
        this.time = time ?? TimeProvider.System;
        this.timeout = timeout ?? TimeSpan.FromSeconds(20);
        http = new HttpClient(handler ?? RdsHttpHandler.New(), disposeHandler: handler is null)
        {
            Timeout = Timeout.InfiniteTimeSpan,
            MaxResponseContentBufferSize = ResponseBody.MaxBytes,
        };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("LabRunner/1.0");
    }

    public RdsCallStats Stats { get; } = new();

    internal DateTimeOffset Now => time.GetUtcNow();

    /// <summary>
    /// The reads a pass's <paramref name="urls"/> answer. Nothing is sent here; a pass that holds a request LabRunner
    /// would not send (see <see cref="PresignedRequest"/>, <see cref="PassHosts"/>), or one signed for another region
    /// than the class's, gives reads that all fail with why.
    /// </summary>
    public PassReplay For(IReadOnlyList<string> urls)
    {
        var requests = new List<PresignedRequest>();
        try
        {
            foreach (var url in urls)
            {
                var request = PresignedRequest.Parse(url);
                if (hosts.Refusal(request) is { } host)
                    throw new PassRefusedException(PassRefusal.Invalid, host);
                if (region is not null && request.Region != region)
                    throw new PassRefusedException(PassRefusal.ForeignRegion, $"the pass was made in {request.Region}, and this class is in {region}");
                requests.Add(request);
            }
            return new PassReplay(requests, null, this);
        }
        catch (PassRefusedException refusal)
        {
            return new PassReplay([], refusal, this);
        }
    }

    internal async Task<T> SendAsync<T>(PresignedRequest request, Func<XElement, T> read, CancellationToken cancellationToken)
    {
        Stats.CallStarted();
        var started = time.GetTimestamp();
        int? status = null;
        RdsException? failure = null;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var message = new HttpRequestMessage(HttpMethod.Get, request.Uri);
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            status = (int)response.StatusCode;
            var text = await ResponseBody.ReadAsync(response.Content, request.Action, status.Value, request.Uri, deadline.Token).ConfigureAwait(false);
            try
            {
                return read(ResponseInterpreter.ResultOf(request.Action, status.Value, text, Endpoint(request)));
            }
            catch (InvalidDataException e)
            {
                throw ResponseInterpreter.Malformed(request.Action, e, status.Value, Endpoint(request));
            }
        }
        catch (RdsException e)
        {
            failure = e;
            throw;
        }
        catch (Exception e) when (e is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            failure = TransportErrors.From(e, Endpoint(request));
            throw failure;
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            failure = new RdsException(RdsErrorKind.Transport, "Timeout", $"{Endpoint(request)} did not answer {request.Action} within {timeout.TotalSeconds:0.###} s.", innerException: e);
            throw failure;
        }
        finally
        {
            if (failure is not null)
                Stats.CallFailed();
            Stats.AttemptEnded(new RdsAttempt(request.Action, 1, status, failure?.ErrorCode, time.GetElapsedTime(started)), throttled: failure?.Kind == RdsErrorKind.Throttled);
        }
    }

    // Messages name the endpoint, never the whole URL: its query carries the signature (and any session token).
    private static Uri Endpoint(PresignedRequest request) => new(request.Uri.GetLeftPart(UriPartial.Path));

    public void Dispose() => http.Dispose();
}
