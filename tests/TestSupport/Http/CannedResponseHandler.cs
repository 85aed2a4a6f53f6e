using System.Net;
using System.Text;

namespace LabRunner.TestSupport.Http;

/// <summary>An in-memory HTTP peer that answers every request with the same body: no sockets, for measuring what the client itself costs.</summary>
public sealed class CannedResponseHandler(string body, HttpStatusCode status = HttpStatusCode.OK) : HttpMessageHandler
{
    private readonly byte[] bytes = Encoding.UTF8.GetBytes(body);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null)
        {
            await request.Content.CopyToAsync(Stream.Null, cancellationToken);
        }

        var content = new ByteArrayContent(bytes);
        content.Headers.TryAddWithoutValidation("Content-Type", "text/xml");
        return new HttpResponseMessage(status) { Content = content, RequestMessage = request };
    }
}
