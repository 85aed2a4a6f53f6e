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

    public static string Success(string action, string requestId, Action<XmlWriter> writeResult)
    {
        var text = new StringBuilder(1024);
        using (var writer = XmlWriter.Create(text, Settings))
        {
            writer.WriteStartElement(action + "Response", Namespace);
            writer.WriteStartElement(action + "Result");
            writeResult(writer);
            writer.WriteEndElement();
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
            writer.WriteElementString("Code", fault.Code);
            writer.WriteElementString("Message", fault.Message);
            writer.WriteEndElement();
            writer.WriteElementString("RequestId", requestId);
            writer.WriteEndElement();
        }
        return text.ToString();
    }

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
