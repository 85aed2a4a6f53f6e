using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LabRunner.TestSupport.Http;

/// <summary>
/// A real HTTP server on 127.0.0.1 (Kestrel, a free port) whose every answer is chosen by the test: canned RDS XML,
/// throttling, HTML 500s, dropped connections, silence. It records each request it receives.
/// </summary>
public sealed class ScriptedHttpServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<RecordedRequest> requests = new();

    private ScriptedHttpServer(WebApplication app, Uri endpoint)
    {
        this.app = app;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    public IReadOnlyList<RecordedRequest> Requests => requests.ToArray();

    /// <param name="respond">Writes the answer to the request, which is already recorded and passed in.</param>
    public static async Task<ScriptedHttpServer> StartAsync(Func<HttpContext, RecordedRequest, Task> respond)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();

        ScriptedHttpServer? server = null;
        app.Run(async context =>
        {
            var recorded = await RecordAsync(context.Request);
            server!.requests.Enqueue(recorded);
            await respond(context, recorded);
        });

        await app.StartAsync();
        server = new ScriptedHttpServer(app, new Uri(app.Urls.Single() + "/"));
        return server;
    }

    private static async Task<RecordedRequest> RecordAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        var headers = request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.Ordinal);
        return new RecordedRequest(request.Method, request.Path.Value ?? "/", headers, body);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
