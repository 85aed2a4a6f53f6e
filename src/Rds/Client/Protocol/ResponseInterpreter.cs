using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace LabRunner.Rds.Protocol;

/// <summary>
/// Turns one HTTP answer into the action's <c>&lt;ActionResult&gt;</c> element, or an <see cref="RdsException"/>:
/// RDS's <c>ErrorResponse</c> becomes a typed error; an empty, HTML, JSON, truncated or foreign body becomes a
/// <see cref="RdsErrorKind.Service"/> error that carries the status and says what came back.
/// </summary>
internal static partial class ResponseInterpreter
{
    private const int SnippetLength = 160;

    /// <summary>Room for the XML parser's messages, which quote element names a hostile endpoint can make megabytes long.</summary>
    private const int ParserMessageLength = 400;

    /// <summary>How much of a body's start tells what it is: an error page names itself near its start.</summary>
    private const int TitleSearchLength = 4096;

    /// <summary>Actions the service model gives no output: RDS answers them with ResponseMetadata alone.</summary>
    private static readonly HashSet<string> ActionsWithoutOutput = new(StringComparer.Ordinal) { "AddTagsToResource", "RemoveTagsFromResource" };

    public static XElement ResultOf(string action, int statusCode, ResponseBody body, Uri endpoint)
    {
        var root = ParseXml(body, statusCode, endpoint);
        var rootName = root.Name.LocalName;

        if (rootName is "ErrorResponse" or "Response" && root.Descendants().FirstOrDefault(e => e.Name.LocalName == "Error") is { } error)
        {
            throw ToError(root, error, statusCode);
        }

        var expected = action + "Response";
        if (statusCode is < 200 or > 299 || rootName != expected)
        {
            throw Unexpected(
                "UnexpectedResponse",
                $"{endpoint} answered HTTP {statusCode} with <{Snippet(rootName)}> where RDS answers <{expected}>; is this endpoint RDS?",
                statusCode,
                RequestIdOf(root));
        }

        return root.Child(action + "Result")
            ?? (ActionsWithoutOutput.Contains(action)
                ? new XElement(action + "Result")
                : throw Unexpected("MalformedResponse", $"{endpoint} answered <{expected}> without <{action}Result>.", statusCode, RequestIdOf(root)));
    }

    /// <summary>A response that parsed but held an unreadable value (a missing identifier, a number that is not one).</summary>
    public static RdsException Malformed(string action, InvalidDataException problem, int statusCode, Uri endpoint) =>
        Unexpected("MalformedResponse", $"{endpoint} answered {action} with a value LabRunner cannot read: {problem.Message}", statusCode, null, problem);

    private static XElement ParseXml(ResponseBody body, int statusCode, Uri endpoint)
    {
        var text = body.Start(TitleSearchLength);
        if (text.Length == 0)
        {
            throw Unexpected("EmptyResponse", $"{endpoint} answered HTTP {statusCode} with an empty body instead of RDS's XML.", statusCode);
        }

        var prolog = AfterXmlDeclaration(text);
        if (prolog.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || prolog.StartsWith("<html", StringComparison.OrdinalIgnoreCase))
        {
            var title = HtmlTitle().Match(text) is { Success: true } m ? $" (\"{Snippet(m.Groups[1].Value)}\")" : "";
            throw Unexpected("HtmlResponse", $"{endpoint} answered HTTP {statusCode} with an HTML page{title} instead of RDS's XML.", statusCode);
        }

        if (text[0] != '<')
        {
            var what = text[0] is '{' or '[' ? "a JSON body" : "a body that is not XML";
            throw Unexpected("NonXmlResponse", $"{endpoint} answered HTTP {statusCode} with {what} instead of RDS's XML: {Snippet(text)}", statusCode);
        }

        if (prolog.StartsWith("<!DOCTYPE", StringComparison.Ordinal))
        {
            // said here, as the parser's own message advises enabling DTD processing
            throw Unexpected("MalformedXml", $"{endpoint} answered HTTP {statusCode} with XML that declares a DTD (<!DOCTYPE …>), which RDS never sends and LabRunner does not read.", statusCode);
        }

        try
        {
            using var xml = body.OpenXml();
            return XDocument.Load(xml).Root!;
        }
        catch (XmlException e)
        {
            throw Unexpected("MalformedXml", $"{endpoint} answered HTTP {statusCode} with XML that does not parse (truncated?): {Snippet(e.Message, ParserMessageLength)}", statusCode, innerException: e);
        }
    }

    private static RdsException ToError(XElement root, XElement error, int statusCode)
    {
        var code = error.String("Code") is { Length: > 0 } c ? c : "Unknown";
        var message = error.String("Message") is { Length: > 0 } m ? m : $"RDS refused the request with {code}.";
        return new RdsException(ErrorCodes.KindOf(code, statusCode), code, message, RequestIdOf(root), statusCode);
    }

    // RDS puts RequestId directly under ErrorResponse, under ResponseMetadata on success; EC2-style errors spell it RequestID.
    private static string? RequestIdOf(XElement root) =>
        root.Descendants().FirstOrDefault(e => e.Name.LocalName is "RequestId" or "RequestID")?.BoundedValue();

    private static RdsException Unexpected(string code, string message, int statusCode, string? requestId = null, Exception? innerException = null) =>
        new(RdsErrorKind.Service, code, message, requestId, statusCode, innerException);

    /// <summary>What follows the XML declaration, if any: there an XHTML page (lighttpd's error pages) declares its DTD and starts.</summary>
    private static ReadOnlySpan<char> AfterXmlDeclaration(string text) =>
        text.StartsWith("<?xml", StringComparison.Ordinal) && text.IndexOf("?>", StringComparison.Ordinal) is var declarationEnd and >= 0
            ? text.AsSpan(declarationEnd + 2).TrimStart()
            : text;

    private static string Snippet(string text, int maxLength = SnippetLength)
    {
        var collapsed = Collapse(text);
        if (collapsed.Length <= maxLength)
            return collapsed;
        var cut = char.IsHighSurrogate(collapsed[maxLength - 1]) ? maxLength - 1 : maxLength; // never inside a character
        return string.Concat(collapsed.AsSpan(0, cut), "…");
    }

    private static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"<title>(.*?)</title>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex HtmlTitle();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
