using System.Buffers;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Xml;

namespace LabRunner.Rds.Protocol;

/// <summary>
/// An answer's body, read whole into a pooled buffer (return it with <see cref="Dispose"/>) but never more than
/// <see cref="MaxBytes"/>: a declared <c>Content-Length</c> above it is refused before reading, a chunked (or lying) body
/// as soon as it grows past it. It is decoded as it is read, never held as one string: a page of a class of thousands
/// is a few hundred kilobytes.
/// </summary>
internal sealed class ResponseBody : IDisposable
{
    /// <summary>16 MiB: a page of 100 RDS records is well under 1 MiB.</summary>
    public const int MaxBytes = 16 * 1024 * 1024;

    public const string TooLargeCode = "ResponseTooLarge";

    private const int FirstBufferBytes = 64 * 1024;

    /// <summary>RDS's answers nest about ten elements deep; XDocument takes time in the square of the depth to build a tree.</summary>
    private const int MaxDepth = 64;

    /// <summary>RDS's tags are under a hundred characters; .NET's XML reader takes time in the square of a tag's attributes.</summary>
    private const int MaxTagLength = 1024;

    private static readonly XmlReaderSettings XmlSettings = new()
    {
        IgnoreWhitespace = true,
        DtdProcessing = DtdProcessing.Prohibit, // RDS never sends one; a hostile endpoint's entities must not expand
        XmlResolver = null,
    };

    private byte[] buffer;
    private readonly int length;
    private readonly Encoding encoding;

    private ResponseBody(byte[] buffer, int length, Encoding encoding)
    {
        this.buffer = buffer;
        this.length = length;
        this.encoding = encoding;
    }

    public static async Task<ResponseBody> ReadAsync(HttpContent content, string action, int statusCode, Uri endpoint, CancellationToken cancellationToken)
    {
        var declared = content.Headers.ContentLength;
        if (declared is > MaxBytes)
            throw TooLarge(action, statusCode, endpoint, string.Create(CultureInfo.InvariantCulture, $"of {declared:N0} bytes, more than"));

        // One byte more than declared, so that a body longer than its Content-Length is not read in a second buffer.
        var buffer = ArrayPool<byte>.Shared.Rent(declared is { } size ? (int)size + 1 : FirstBufferBytes);
        var length = 0;
        try
        {
            await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
                if (length > MaxBytes)
                    throw TooLarge(action, statusCode, endpoint, "larger than");
                if (length == buffer.Length)
                    buffer = Grown(buffer, length);
            }
            return new ResponseBody(buffer, length, EncodingOf(content.Headers.ContentType));
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    /// <summary>The text from its first non-blank character, at most <paramref name="maxChars"/> of it (one more to end a surrogate pair): enough to tell what came back.</summary>
    public string Start(int maxChars)
    {
        using var reader = OpenText();
        var start = new char[maxChars + 1];
        var count = reader.ReadBlock(start, 0, maxChars);
        if (count == maxChars && char.IsHighSurrogate(start[count - 1]))
            count += reader.Read(start, count, 1);
        return new string(start, 0, count);
    }

    /// <summary>
    /// The body as XML, from its first non-blank character; elements nested deeper than <see cref="MaxDepth"/>, or a tag
    /// longer than <see cref="MaxTagLength"/>, fail to read.
    /// </summary>
    public XmlReader OpenXml() => new DepthBoundReader(XmlReader.Create(new TagBoundReader(OpenText()), XmlSettings));

    public void Dispose()
    {
        var returned = Interlocked.Exchange(ref buffer, []);
        if (returned.Length > 0)
            ArrayPool<byte>.Shared.Return(returned);
    }

    // As HttpContent.ReadAsStringAsync: the declared charset when known, else UTF-8 (a byte order mark wins over both).
    private StreamReader OpenText()
    {
        var reader = new StreamReader(new MemoryStream(buffer, 0, length, writable: false), encoding, detectEncodingFromByteOrderMarks: true);
        while (reader.Peek() is var next && next >= 0 && char.IsWhiteSpace((char)next))
            reader.Read();
        return reader;
    }

    private static byte[] Grown(byte[] buffer, int length)
    {
        var grown = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, MaxBytes + 1));
        buffer.AsSpan(0, length).CopyTo(grown);
        ArrayPool<byte>.Shared.Return(buffer);
        return grown;
    }

    private static Encoding EncodingOf(MediaTypeHeaderValue? contentType)
    {
        if (contentType?.CharSet is { Length: > 0 } charset)
        {
            try
            {
                return Encoding.GetEncoding(charset.Trim('"'));
            }
            catch (Exception unreadable) when (unreadable is ArgumentException or NotSupportedException)
            {
                // an unknown charset, or one .NET refuses (UTF-7): read it as UTF-8
            }
        }

        return Encoding.UTF8;
    }

    /// <param name="size">"of 52,428,800 bytes, more than" or "larger than".</param>
    private static RdsException TooLarge(string action, int statusCode, Uri endpoint, string size) => new(
        RdsErrorKind.Service,
        TooLargeCode,
        $"{endpoint} answered {action} (HTTP {statusCode}) with a body {size} the {MaxBytes / (1024 * 1024)} MiB LabRunner reads; is this endpoint RDS?",
        statusCode: statusCode);

    /// <summary>
    /// <paramref name="inner"/>, but an element nested deeper than <see cref="MaxDepth"/> is an <see cref="XmlException"/>:
    /// each element XDocument adds walks up to its root, so 100,000 nested elements (1.3 MB) take 40 s to load, and 16 MiB of them hours.
    /// </summary>
    private sealed class DepthBoundReader(XmlReader inner) : XmlReader
    {
        public override int AttributeCount => inner.AttributeCount;

        public override string BaseURI => inner.BaseURI;

        public override int Depth => inner.Depth;

        public override bool EOF => inner.EOF;

        public override bool IsEmptyElement => inner.IsEmptyElement;

        public override string LocalName => inner.LocalName;

        public override string NamespaceURI => inner.NamespaceURI;

        public override XmlNameTable NameTable => inner.NameTable;

        public override XmlNodeType NodeType => inner.NodeType;

        public override string Prefix => inner.Prefix;

        public override ReadState ReadState => inner.ReadState;

        public override string Value => inner.Value;

        public override bool Read()
        {
            if (!inner.Read())
                return false;
            if (inner.Depth <= MaxDepth)
                return true;
            var (line, position) = inner is IXmlLineInfo info ? (info.LineNumber, info.LinePosition) : (0, 0);
            throw new XmlException($"Its elements nest more than {MaxDepth} deep; RDS's nest about ten.", null, line, position);
        }

        public override string GetAttribute(int i) => inner.GetAttribute(i);

        public override string? GetAttribute(string name) => inner.GetAttribute(name);

        public override string? GetAttribute(string name, string? namespaceURI) => inner.GetAttribute(name, namespaceURI);

        public override string? LookupNamespace(string prefix) => inner.LookupNamespace(prefix);

        public override bool MoveToAttribute(string name) => inner.MoveToAttribute(name);

        public override bool MoveToAttribute(string name, string? ns) => inner.MoveToAttribute(name, ns);

        public override bool MoveToElement() => inner.MoveToElement();

        public override bool MoveToFirstAttribute() => inner.MoveToFirstAttribute();

        public override bool MoveToNextAttribute() => inner.MoveToNextAttribute();

        public override bool ReadAttributeValue() => inner.ReadAttributeValue();

        public override void ResolveEntity() => inner.ResolveEntity();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                inner.Dispose();
            base.Dispose(disposing);
        }
    }

    /// <summary>
    /// <paramref name="inner"/>'s text, but a tag (from <c>&lt;</c> to its <c>&gt;</c>, not one inside an element's
    /// quoted attribute value) longer than <see cref="MaxTagLength"/> is an <see cref="XmlException"/>, raised before the
    /// XML reader parses it: 400,000 attributes in one tag took it 1.8 s, and a 16 MiB answer of them would take about a minute.
    /// </summary>
    private sealed class TagBoundReader(TextReader inner) : TextReader
    {
        private int tagLength = -1; // outside a tag
        private bool? elementTag; // null until the character after '<' is read: comments and declarations have no attributes
        private char quote; // the quote of the attribute value being read, or '\0'

        public override int Peek() => inner.Peek();

        public override int Read()
        {
            var next = inner.Read();
            if (next >= 0)
                Seen([(char)next]);
            return next;
        }

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read(Span<char> buffer)
        {
            var read = inner.Read(buffer);
            Seen(buffer[..read]);
            return read;
        }

        private void Seen(ReadOnlySpan<char> text)
        {
            while (!text.IsEmpty)
            {
                if (tagLength < 0)
                {
                    var open = text.IndexOf('<');
                    if (open < 0)
                        return;
                    (tagLength, elementTag, quote) = (0, null, '\0');
                    text = text[(open + 1)..];
                    continue;
                }
                elementTag ??= text[0] is not ('!' or '?');
                var stop = quote != '\0' ? text.IndexOf(quote) : elementTag.Value ? text.IndexOfAny('>', '"', '\'') : text.IndexOf('>');
                tagLength += stop < 0 ? text.Length : stop + 1;
                if (tagLength > MaxTagLength)
                    throw new XmlException($"It has a tag longer than {MaxTagLength:N0} characters; RDS's are under a hundred.");
                if (stop < 0)
                    return;
                if (quote != '\0')
                    quote = '\0'; // the value ends, the tag goes on
                else if (text[stop] == '>')
                    tagLength = -1;
                else
                    quote = text[stop];
                text = text[(stop + 1)..];
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
