using System.Globalization;
using System.Text;
using LabRunner.Rds.Model;

namespace LabRunner.Rds.Protocol;

/// <summary>
/// One Query-API call's form fields, flattened as botocore's query serializer does
/// (<c>Filters.Filter.1.Values.Value.1</c>, <c>ValuesToAdd.AttributeValue.1</c>). Unset values are left out.
/// </summary>
internal sealed class RequestForm
{
    public const string ApiVersion = "2014-10-31";

    private readonly List<KeyValuePair<string, string>> fields = [];

    public RequestForm(string action)
    {
        Action = action;
        fields.Add(new("Action", action));
        fields.Add(new("Version", ApiVersion));
    }

    public string Action { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Fields => fields;

    public RequestForm Add(string name, string? value)
    {
        if (value is not null)
        {
            fields.Add(new(name, value));
        }

        return this;
    }

    public RequestForm Add(string name, int? value) =>
        Add(name, value?.ToString(CultureInfo.InvariantCulture));

    public RequestForm Add(string name, bool? value) =>
        Add(name, value is null ? null : value.Value ? "true" : "false");

    /// <summary>A list of strings: <c>Name.Member.1</c>, <c>Name.Member.2</c>, …</summary>
    public RequestForm AddList(string name, string memberName, IReadOnlyList<string> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            Add($"{name}.{memberName}.{i + 1}", values[i]);
        }

        return this;
    }

    public RequestForm AddFilters(IReadOnlyList<Filter> filters)
    {
        for (var i = 0; i < filters.Count; i++)
        {
            var prefix = $"Filters.Filter.{i + 1}";
            Add($"{prefix}.Name", filters[i].Name);
            AddList($"{prefix}.Values", "Value", filters[i].Values);
        }

        return this;
    }

    /// <summary>The <c>application/x-www-form-urlencoded</c> body, percent-encoded per RFC 3986.</summary>
    public byte[] ToFormBody()
    {
        var body = new StringBuilder(256);
        foreach (var (name, value) in fields)
        {
            if (body.Length > 0)
            {
                body.Append('&');
            }

            body.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return Encoding.UTF8.GetBytes(body.ToString());
    }
}
