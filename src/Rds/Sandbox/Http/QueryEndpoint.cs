using System.Text;
using LabRunner.Sandbox.Accounts;
using LabRunner.Sandbox.Operations;
using LabRunner.Sandbox.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;

namespace LabRunner.Sandbox.Http;

/// <summary>
/// The sandbox's one HTTP endpoint: the RDS Query API, form-encoded POST (or a presigned GET), answered in RDS's XML.
/// Order per request: injected faults, then the browser and Host checks, the body (at most 1 MiB, enforced while
/// reading), the signature (which tells who the caller is: a class's <c>LabRunnerJoin</c> is the one action sent
/// unsigned), then the action.
/// </summary>
public sealed class QueryEndpoint(ActionDispatcher dispatcher, FaultInjector faults, SignatureVerifier verifier, TimeProvider time, Action<Exception>? onUnexpectedError)
{
    public const int MaxBodyBytes = 1 << 20;

    public async Task HandleAsync(HttpContext context)
    {
        var requestId = Guid.NewGuid().ToString();
        var (fault, latency) = faults.Next();
        if (latency > TimeSpan.Zero)
            await Task.Delay(latency, context.RequestAborted);
        switch (fault)
        {
            case InjectedFault.Drop:
                context.Abort();
                return;
            case InjectedFault.Throttle:
                await WriteErrorAsync(context, RdsFault.Throttling(), requestId);
                return;
            case InjectedFault.Error500:
                await WriteErrorAsync(context, RdsFault.InternalFailure(), requestId);
                return;
        }
        try
        {
            LocalCallerGuard.Check(context.Request);
            var body = await ReadBodyAsync(context);
            var parameters = Parameters(context.Request, body);
            var action = parameters.Optional("Action") ?? "";
            var verification = IsJoin(context.Request, action) ? new Verification(RequestTrust.AnyAction, Caller.Joining) : verifier.Verify(context.Request, body);
            if (verification.Trust == RequestTrust.ReadOnly && !ActionDispatcher.IsReadOnly(action))
                throw new RdsFault("AccessDenied", "A presigned GET may only read (Describe actions) when the sandbox verifies no signatures: with no secret to check it against, anyone could forge one. Send the action as a POST, or start the sandbox with --verify-signatures.", 403);
            var xml = dispatcher.Dispatch(parameters, verification.Caller, time.GetUtcNow(), requestId);
            await WriteAsync(context, StatusCodes.Status200OK, xml, requestId);
        }
        catch (RdsFault rdsFault)
        {
            await WriteErrorAsync(context, rdsFault, requestId);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            onUnexpectedError?.Invoke(exception);
            await WriteErrorAsync(context, RdsFault.InternalFailure(), requestId);
        }
    }

    /// <summary>A join is a form POST whose code is its credential; whatever signature it carries is not looked at.</summary>
    private static bool IsJoin(HttpRequest request, string action) =>
        action == ClassActions.JoinAction && HttpMethods.IsPost(request.Method);

    /// <summary>The body, refused as soon as it passes <see cref="MaxBodyBytes"/>, whether or not a Content-Length announced it.</summary>
    private static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxBodyBytes;
        try
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            return buffer.ToArray();
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw new RdsFault("RequestEntityTooLarge", $"The request body is larger than {MaxBodyBytes} bytes (1 MiB), the most the sandbox reads.", 413);
        }
    }

    /// <summary>The query string's parameters, overridden by the form body's (a GET has none).</summary>
    private static ReceivedParameters Parameters(HttpRequest request, byte[] body)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in request.Query)
            values[name] = value.ToString();
        if (body.Length > 0 && request.HasFormContentType)
        {
            foreach (var (name, value) in QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body)))
                values[name] = value.ToString();
        }
        return new ReceivedParameters(values);
    }

    private static Task WriteErrorAsync(HttpContext context, RdsFault fault, string requestId) =>
        WriteAsync(context, fault.StatusCode, ResponseWriter.Error(fault, requestId), requestId);

    private static async Task WriteAsync(HttpContext context, int status, string xml, string requestId)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "text/xml";
        response.Headers["x-amzn-RequestId"] = requestId;
        var body = Encoding.UTF8.GetBytes(xml);
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted);
    }
}
