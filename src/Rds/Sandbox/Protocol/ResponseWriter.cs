using System.Globalization;
using System.Text;
using System.Xml;

namespace LabRunner.Sandbox.Protocol;

/// <summary>RDS's response envelopes: <c>&lt;XResponse&gt;&lt;XResult&gt;…&lt;/XResult&gt;&lt;ResponseMetadata&gt;</c> and <c>ErrorResponse</c>.</summary>
public static class ResponseWriter
{
    public const string Namespace = "http://rds.amazonaws.com/doc/2014-10-31/";

    private static readonly XmlWriterSettings Settings = new()
    {
        OmitXmlDeclaration = true,
        Encoding = new UTF8Encoding(false),
        Indent = false,
    };

    /// <param name="writeResult">Writes the Result element's content; null for an action without output (no Result element).</param>
    public static string Success(string action, string requestId, Action<XmlWriter>? writeResult)
    {
        var text = new StringBuilder(1024);
        using (var writer = XmlWriter.Create(text, Settings))
        {
            writer.WriteStartElement(action + "Response", Namespace);
            if (writeResult is not null)
            {
                writer.WriteStartElement(action + "Result");
                writeResult(writer);
                writer.WriteEndElement();
            }
            writer.WriteStartElement("ResponseMetadata");
            writer.WriteElementString("RequestId", requestId);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        return text.ToString();
    }

    /// <summary>In RDS's ErrorResponse the RequestId sits directly under the root, beside Error.</summary>
    public static string Error(RdsFault fault, string requestId)
    {
        var text = new StringBuilder(512);
        using (var writer = XmlWriter.Create(text, Settings))
        {
            writer.WriteStartElement("ErrorResponse", Namespace);
            writer.WriteStartElement("Error");
            writer.WriteElementString("Type", fault.SenderFault ? "Sender" : "Receiver");
            writer.WriteElementString("Code", Visible(fault.Code));
            writer.WriteElementString("Message", Visible(fault.Message));
            writer.WriteEndElement();
            writer.WriteElementString("RequestId", requestId);
            writer.WriteEndElement();
        }
        return text.ToString();
    }

    /// <summary>
    /// Text from a request as it may appear in an answer: control characters (C0, DEL, C1), bidi controls and
    /// anything XML cannot carry are shown as <c>\xNN</c> or <c>\uNNNN</c>, so an answer never fails to be written
    /// and never carries raw controls to whoever reads it.
    /// </summary>
    public static string Visible(string text)
    {
        if (!text.Any(NeedsEscape))
            return text;
        var visible = new StringBuilder(text.Length + 16);
        for (var index = 0; index < text.Length; index++)
        {
            var character = text[index];
            if (char.IsHighSurrogate(character) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
                visible.Append(character).Append(text[++index]);
            else if (character < ' ' || character is >= '\u007f' and <= '\u009f')
                visible.Append(CultureInfo.InvariantCulture, $"\\x{(int)character:x2}");
            else if (NeedsEscape(character))
                visible.Append(CultureInfo.InvariantCulture, $"\\u{(int)character:x4}");
            else
                visible.Append(character);
        }
        return visible.ToString();
    }

    /// <summary>True for a character that <see cref="Visible"/> escapes (a surrogate is escaped only when unpaired).</summary>
    public static bool NeedsEscape(char character) =>
        character < ' ' || character is >= '\u007f' and <= '\u009f'
        || character is '\u061c' or '\u200e' or '\u200f' or (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069')
        || char.IsSurrogate(character) || character is '\ufffe' or '\uffff';

    public static void Element(this XmlWriter writer, string name, string? value)
    {
        if (value is not null)
            writer.WriteElementString(name, value);
    }

    public static void Element(this XmlWriter writer, string name, int value) =>
        writer.WriteElementString(name, value.ToString(CultureInfo.InvariantCulture));

    public static void Element(this XmlWriter writer, string name, bool value) =>
        writer.WriteElementString(name, value ? "true" : "false");

    /// <summary>ISO 8601 in UTC with milliseconds, as RDS writes timestamps.</summary>
    public static void Element(this XmlWriter writer, string name, DateTimeOffset value) =>
        writer.WriteElementString(name, value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));

    /// <summary>A wrapped list: <c>&lt;name&gt;&lt;member&gt;…&lt;/member&gt;…&lt;/name&gt;</c>, written even when empty.</summary>
    public static void List<T>(this XmlWriter writer, string name, string memberName, IEnumerable<T> items, Action<XmlWriter, T> writeMember)
    {
        writer.WriteStartElement(name);
        foreach (var item in items)
        {
            writer.WriteStartElement(memberName);
            writeMember(writer, item);
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
    }

    public static void StringList(this XmlWriter writer, string name, string memberName, IEnumerable<string> items)
    {
        writer.WriteStartElement(name);
        foreach (var item in items)
            writer.WriteElementString(memberName, item);
        writer.WriteEndElement();
    }
}
