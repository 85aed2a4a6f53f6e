using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LabRunner.TestSupport.Http;

/// <summary>
/// A real HTTP forward proxy on 127.0.0.1 (a client reaches it through <c>HTTP_PROXY</c>) that counts the requests
/// passing through and holds each for a fixed latency before forwarding it unchanged, as a slow network between an
/// instructor and a class sandbox would. The request keeps its Host and body, so SigV4 signatures stay valid.
/// </summary>
public sealed class CountingProxy : IAsyncDisposable
{
    /// <summary>Headers about the hop to the proxy, not about the request: never forwarded either way.</summary>
    private static readonly HashSet<string> HopHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "Proxy-Authorization", "Transfer-Encoding", "Upgrade", "TE", "Trailer", "Host",
    };

    private readonly WebApplication app;
    private readonly HttpClient upstream;
    private readonly TimeSpan latency;
    private long requests;

    private CountingProxy(WebApplication app, HttpClient upstream, TimeSpan latency)
    {
        this.app = app;
        this.upstream = upstream;
        this.latency = latency;
    }

    /// <summary>What to set <c>HTTP_PROXY</c> to.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>Requests forwarded so far.</summary>
    public long Requests => Interlocked.Read(ref requests);

    /// <summary>A handler that sends every request through this proxy, loopback ones too (which <c>HTTP_PROXY</c> leaves out), for an in-process client.</summary>
    public SocketsHttpHandler NewClientHandler() => new() { Proxy = new EveryRequest(Address), UseProxy = true, AllowAutoRedirect = false, UseCookies = false };

    public static async Task<CountingProxy> StartAsync(TimeSpan latency)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var proxy = new CountingProxy(app, new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false, UseCookies = false }), latency);
        app.Run(proxy.ForwardAsync);
        await app.StartAsync();
        proxy.Address = new Uri(app.Urls.Single());
        return proxy;
    }

    private async Task ForwardAsync(HttpContext context)
    {
        Interlocked.Increment(ref requests);
        await Task.Delay(latency, context.RequestAborted);
        var request = context.Request;
        using var outgoing = new HttpRequestMessage(new HttpMethod(request.Method), $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}");
        var body = new MemoryStream();
        await request.Body.CopyToAsync(body, context.RequestAborted);
        body.Position = 0;
        outgoing.Content = new StreamContent(body);
        foreach (var (name, values) in request.Headers.Where(header => !HopHeaders.Contains(header.Key)))
        {
            if (!outgoing.Headers.TryAddWithoutValidation(name, [.. values]))
                outgoing.Content.Headers.TryAddWithoutValidation(name, [.. values]);
        }
        using var answer = await upstream.SendAsync(outgoing, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        context.Response.StatusCode = (int)answer.StatusCode;
        foreach (var (name, values) in answer.Headers.Concat(answer.Content.Headers).Where(header => !HopHeaders.Contains(header.Key)))
            context.Response.Headers[name] = values.ToArray();
        await answer.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    private sealed class EveryRequest(Uri proxy) : IWebProxy
    {
        public ICredentials? Credentials { get; set; }

        public Uri GetProxy(Uri destination) => proxy;

        public bool IsBypassed(Uri host) => false;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        upstream.Dispose();
    }
}
