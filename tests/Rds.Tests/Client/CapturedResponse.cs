using System.Globalization;

namespace LabRunner.Rds.Tests.Client;

/// <summary>
/// A response body kept under <c>Responses/</c>: <c>moto/</c> holds bodies captured from moto 5.2.1,
/// <c>rds/</c> bodies written from the botocore service model and AWS's documented shapes where moto sends no such thing.
/// The file name carries the HTTP status: <c>Name.STATUS.ext</c>.
/// </summary>
internal sealed record CapturedResponse(int StatusCode, string Body)
{
    public static CapturedResponse Load(string relativePath)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Client", "Responses", relativePath);
        var parts = Path.GetFileName(path).Split('.');
        return new CapturedResponse(int.Parse(parts[^2], CultureInfo.InvariantCulture), File.ReadAllText(path));
    }
}
