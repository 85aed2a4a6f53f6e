using System.Buffers.Text;
using System.Text;
using LabRunner.Sandbox.Protocol;

namespace LabRunner.Sandbox.Operations;

/// <summary>
/// RDS's <c>MaxRecords</c>/<c>Marker</c> pagination. The marker is opaque to callers; here it carries the key of the
/// last item returned, so pages stay consistent while resources are added or removed between calls.
/// </summary>
public static class Paging
{
    public const int DefaultPageSize = 100;
    public const int MinPageSize = 20;

    public sealed record Page<T>(IReadOnlyList<T> Items, string? Marker);

    /// <summary>One page of <paramref name="orderedItems"/> (ascending by <paramref name="key"/>, ordinal).</summary>
    public static Page<T> Take<T>(IEnumerable<T> orderedItems, Func<T, string> key, ReceivedParameters parameters)
    {
        var pageSize = PageSize(parameters);
        var after = parameters.Optional("Marker") is { Length: > 0 } marker ? DecodeMarker(marker) : null;
        var remaining = after is null ? orderedItems : orderedItems.Where(item => string.CompareOrdinal(key(item), after) > 0);
        var items = remaining.Take(pageSize + 1).ToList();
        if (items.Count <= pageSize)
            return new Page<T>(items, null);
        items.RemoveAt(pageSize);
        return new Page<T>(items, EncodeMarker(key(items[^1])));
    }

    private static int PageSize(ReceivedParameters parameters)
    {
        var maxRecords = parameters.OptionalInt("MaxRecords") ?? DefaultPageSize;
        if (maxRecords is < MinPageSize or > DefaultPageSize)
            throw RdsFault.InvalidParameterValue($"Invalid value {maxRecords} for MaxRecords. Must be between {MinPageSize} and {DefaultPageSize}");
        return maxRecords;
    }

    private static string EncodeMarker(string lastKey) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(lastKey));

    private static string DecodeMarker(string marker)
    {
        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(marker));
        }
        catch (FormatException)
        {
            throw RdsFault.InvalidParameterValue($"The marker '{marker}' is not valid: pass the Marker of a previous response.");
        }
    }
}
