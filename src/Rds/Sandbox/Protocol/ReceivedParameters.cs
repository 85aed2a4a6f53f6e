using System.Globalization;

namespace LabRunner.Sandbox.Protocol;

/// <summary>
/// The parameters of one Query-API request (form body and query string together), with RDS's typing rules:
/// a malformed value is <c>InvalidParameterValue</c>, a required one that is absent is <c>MissingParameter</c>.
/// Lists are flattened as <c>Name.Member.N</c>, with the member's location name (e.g. <c>Filters.Filter.1</c>) or <c>member</c>.
/// A value with control characters is <c>InvalidParameterValue</c>: nothing stored can later break an answer.
/// </summary>
public sealed class ReceivedParameters(IReadOnlyDictionary<string, string> values)
{
    public string? Optional(string name)
    {
        if (!values.TryGetValue(name, out var value))
            return null;
        var visible = ResponseWriter.Visible(value);
        return visible == value
            ? value
            : throw RdsFault.InvalidParameterValue($"Invalid value '{visible}' for {ResponseWriter.Visible(name)}: it contains control characters.");
    }

    public string Required(string name) =>
        Optional(name) is { Length: > 0 } value ? value : throw RdsFault.MissingParameter(name);

    public int? OptionalInt(string name)
    {
        if (Optional(name) is not { } text)
            return null;
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw RdsFault.InvalidParameterValue($"Invalid value '{text}' for {name}: it must be an integer.");
    }

    public bool? OptionalBool(string name)
    {
        if (Optional(name) is not { } text)
            return null;
        return bool.TryParse(text, out var value)
            ? value
            : throw RdsFault.InvalidParameterValue($"Invalid value '{text}' for {name}: it must be true or false.");
    }

    /// <summary>The members of a flattened list, in index order: <c>{name}.{memberName}.1</c>, <c>.2</c>, … (or <c>.member.N</c>).</summary>
    public IReadOnlyList<string> List(string name, string memberName) =>
        MemberPrefixes(name, memberName).Select(prefix => Optional(prefix)!).ToList();

    /// <summary><c>Filters.Filter.N.Name</c> with <c>Filters.Filter.N.Values.Value.M</c>.</summary>
    public IReadOnlyList<QueryFilter> Filters()
    {
        var filters = new List<QueryFilter>();
        foreach (var prefix in IndexedPrefixes("Filters", "Filter"))
        {
            var filterName = Optional(prefix + ".Name") ?? throw RdsFault.MissingParameter(prefix + ".Name");
            var filterValues = List(prefix + ".Values", "Value");
            if (filterValues.Count == 0)
                throw RdsFault.MissingParameter(prefix + ".Values");
            filters.Add(new QueryFilter(filterName, filterValues));
        }
        return filters;
    }

    /// <summary>The prefixes of a flattened list of structures (<c>Tags.Tag.1</c>, <c>.2</c>…), by index; a member's fields follow as <c>.Key</c>.</summary>
    public IEnumerable<string> StructurePrefixes(string name, string memberName) => IndexedPrefixes(name, memberName);

    private IEnumerable<string> MemberPrefixes(string name, string memberName) =>
        IndexedPrefixes(name, memberName).Where(values.ContainsKey);

    /// <summary>The prefixes <c>{name}.{member}.N</c> that some parameter starts with, by ascending N.</summary>
    private IEnumerable<string> IndexedPrefixes(string name, string memberName)
    {
        foreach (var member in new[] { memberName, "member" })
        {
            var stem = $"{name}.{member}.";
            var indexes = values.Keys
                .Where(key => key.StartsWith(stem, StringComparison.Ordinal))
                .Select(key => key[stem.Length..].Split('.')[0])
                .Select(index => int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : -1)
                .Where(number => number > 0)
                .Distinct()
                .Order()
                .ToList();
            if (indexes.Count > 0)
                return indexes.Select(index => stem + index.ToString(CultureInfo.InvariantCulture));
        }
        return [];
    }
}

public sealed record QueryFilter(string Name, IReadOnlyList<string> Values);
