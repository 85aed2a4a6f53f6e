using System.Globalization;
using System.Xml.Linq;

namespace LabRunner.Rds.Protocol;

/// <summary>
/// Typed reads of an RDS XML element's children, in the element's own namespace.
/// A value that is present but unreadable throws <see cref="InvalidDataException"/>, which the caller turns into an <see cref="RdsException"/>.
/// </summary>
internal static class XmlFields
{
    public static XElement? Child(this XElement parent, string name) => parent.Element(parent.Name.Namespace + name);

    /// <summary>Longer than any RDS value (identifiers stop at 255 characters, ARNs at 2,048): a longer one comes from a broken or hostile endpoint.</summary>
    public const int MaxValueLength = 16 * 1024;

    public static string? String(this XElement parent, string name) => parent.Child(name)?.BoundedValue();

    /// <summary>The element's text, refused when longer than <see cref="MaxValueLength"/>.</summary>
    public static string BoundedValue(this XElement element)
    {
        var value = element.Value;
        return value.Length <= MaxValueLength
            ? value
            : throw new InvalidDataException(string.Create(
                CultureInfo.InvariantCulture,
                $"<{element.Parent?.Name.LocalName}><{element.Name.LocalName}> holds {value.Length:N0} characters, more than the {MaxValueLength:N0} any RDS value has."));
    }

    public static string RequiredString(this XElement parent, string name)
    {
        var value = parent.String(name);
        return string.IsNullOrEmpty(value)
            ? throw new InvalidDataException($"<{parent.Name.LocalName}> has no <{name}>.")
            : value;
    }

    public static int? Int(this XElement parent, string name) =>
        Parse(parent, name, text => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : (int?)null);

    public static bool? Bool(this XElement parent, string name) =>
        Parse(parent, name, text => text switch { "true" => true, "false" => false, _ => (bool?)null });

    public static DateTimeOffset? Timestamp(this XElement parent, string name) =>
        Parse(parent, name, RdsTimestamp.TryParse);

    /// <summary>A wrapped list: <c>&lt;Wrapper&gt;&lt;Member/&gt;…&lt;/Wrapper&gt;</c>; a missing wrapper is an empty list.</summary>
    public static IReadOnlyList<T> List<T>(this XElement parent, string wrapper, string member, Func<XElement, T> read)
    {
        var list = parent.Child(wrapper);
        return list is null ? [] : list.Elements(list.Name.Namespace + member).Select(read).ToArray();
    }

    public static IReadOnlyList<string> Strings(this XElement parent, string wrapper, string member) =>
        parent.List(wrapper, member, BoundedValue);

    private static T? Parse<T>(XElement parent, string name, Func<string, T?> parse) where T : struct
    {
        var text = parent.String(name)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return parse(text) ?? throw new InvalidDataException($"<{parent.Name.LocalName}><{name}> holds '{text}', which is not a valid {typeof(T).Name}.");
    }
}
