using System.Text;
using Microsoft.AspNetCore.Http;

namespace LabRunner.TestSupport.Http;

/// <summary>Answers a <see cref="ScriptedHttpServer"/> can give, shaped as RDS (or a broken proxy) sends them.</summary>
public static class RdsReplies
{
    public const string Namespace = "http://rds.amazonaws.com/doc/2014-10-31/";

    /// <summary>A success envelope around <paramref name="resultXml"/> (the children of <c>&lt;ActionResult&gt;</c>).</summary>
    public static string SuccessXml(string action, string resultXml) =>
        $"<{action}Response xmlns=\"{Namespace}\"><{action}Result>{resultXml}</{action}Result>"
        + $"<ResponseMetadata><RequestId>{Guid.NewGuid()}</RequestId></ResponseMetadata></{action}Response>";

    public static string ErrorXml(string code, string message, string type = "Sender") =>
        $"<ErrorResponse xmlns=\"{Namespace}\"><Error><Type>{type}</Type><Code>{code}</Code><Message>{message}</Message></Error>"
        + $"<RequestId>{Guid.NewGuid()}</RequestId></ErrorResponse>";

    public static Task Body(HttpContext context, int status, string contentType, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        return context.Response.WriteAsync(body, Encoding.UTF8);
    }

    public static Task Xml(HttpContext context, int status, string xml) => Body(context, status, "text/xml", xml);

    public static Task Success(HttpContext context, string action, string resultXml) => Xml(context, 200, SuccessXml(action, resultXml));

    public static Task Error(HttpContext context, int status, string code, string message) => Xml(context, status, ErrorXml(code, message));

    public static Task Throttle(HttpContext context) => Error(context, 400, "Throttling", "Rate exceeded");

    /// <summary>The HTML page a web framework shows for an unhandled exception (moto does this).</summary>
    public static Task Html500(HttpContext context) => Body(
        context,
        500,
        "text/html; charset=utf-8",
        "<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>\n<h1>Internal Server Error</h1>\n<p>The server encountered an internal error.</p>\n");

    /// <summary>Closes the connection without an answer.</summary>
    public static Task Drop(HttpContext context)
    {
        context.Abort();
        return Task.CompletedTask;
    }

    /// <summary>Never answers; returns when the client gives up.</summary>
    public static async Task Hang(HttpContext context)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // the client went away: nothing left to answer
        }
    }
}
