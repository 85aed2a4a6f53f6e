using System.Buffers;
using System.Text;

namespace LabRunner.Cli.Reports;

/// <summary>
/// Takes UTF-8 (from a <see cref="System.Text.Json.Utf8JsonWriter"/>) a buffer at a time and writes it on as text, so a
/// report on thousands of learners is never held whole. <see cref="Complete"/> writes what a last, split character left.
/// </summary>
internal sealed class TextBufferWriter(TextWriter output) : IBufferWriter<byte>
{
    private const int BufferBytes = 16 * 1024;

    private readonly Decoder decoder = Encoding.UTF8.GetDecoder();
    private byte[] bytes = new byte[BufferBytes];
    private char[] chars = new char[Encoding.UTF8.GetMaxCharCount(BufferBytes)];

    public void Advance(int count)
    {
        var written = decoder.GetChars(bytes.AsSpan(0, count), chars, flush: false);
        output.Write(chars.AsSpan(0, written));
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        if (sizeHint > bytes.Length)
        {
            bytes = new byte[sizeHint];
            chars = new char[Encoding.UTF8.GetMaxCharCount(sizeHint)];
        }
        return bytes;
    }

    public Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

    public void Complete()
    {
        var written = decoder.GetChars([], chars, flush: true);
        output.Write(chars.AsSpan(0, written));
    }
}
