using System.Xml.Linq;
using LabRunner.Rds.Protocol;

namespace LabRunner.Rds.Tests.Client;

/// <summary>A body read as the transport reads one off the wire (UTF-8, as RDS sends it), then interpreted.</summary>
internal static class ReadAnswers
{
    public static XElement ResultOf(string action, int statusCode, string body, Uri endpoint)
    {
        using var answer = ResponseBody.ReadAsync(new StringContent(body), action, statusCode, endpoint, CancellationToken.None).GetAwaiter().GetResult();
        return ResponseInterpreter.ResultOf(action, statusCode, answer, endpoint);
    }
}
