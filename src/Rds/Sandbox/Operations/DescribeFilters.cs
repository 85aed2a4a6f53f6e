using LabRunner.Sandbox.Protocol;

namespace LabRunner.Sandbox.Operations;

/// <summary>
/// The <c>Filters</c> a Describe call supports: each filter name maps to the value(s) of a resource it compares.
/// A resource passes when, for every filter, one of its values is among the filter's values.
/// </summary>
public sealed class DescribeFilters<T>(IReadOnlyDictionary<string, Func<T, IEnumerable<string>>> supported)
{
    /// <summary>The request's filters as one predicate; an unsupported filter name is <c>InvalidParameterValue</c>.</summary>
    public Func<T, bool> Parse(ReceivedParameters parameters, Func<string, string, string> normalizeValue)
    {
        var filters = parameters.Filters()
            .Select(filter => supported.TryGetValue(filter.Name, out var valuesOf)
                ? (valuesOf, accepted: filter.Values.Select(value => normalizeValue(filter.Name, value)).ToHashSet(StringComparer.Ordinal))
                : throw RdsFault.InvalidParameterValue($"Unrecognized filter name: {filter.Name}."))
            .ToList();
        return item => filters.All(filter => filter.valuesOf(item).Any(filter.accepted.Contains));
    }
}

/// <summary>What a Describe call starts from: every resource, or the one it names (which must exist).</summary>
public static class DescribeScope
{
    public static IEnumerable<T> Of<T>(SortedDictionary<string, T> resources, string? requested, Func<string, RdsFault> notFound)
    {
        if (requested is null)
            return resources.Values;
        return resources.TryGetValue(requested, out var resource) ? [resource] : throw notFound(requested);
    }
}
