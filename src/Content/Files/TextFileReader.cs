using System.Buffers;
using System.Text;
using LabRunner.Content.Findings;
using LabRunner.Content.Model;

namespace LabRunner.Content.Files;

/// <summary>Reads a lab's text files: capped in size, UTF-8 only, a BOM dropped, binary content refused.</summary>
public static class TextFileReader
{
    public const long MaxBytes = 1024 * 1024;

    /// <summary>C0 control characters other than tab, line feed and carriage return: text files do not hold them.</summary>
    private static readonly SearchValues<char> BinaryControls = SearchValues.Create(
        Enumerable.Range(0, 32).Select(code => (char)code).Where(c => c is not ('\t' or '\n' or '\r')).ToArray());

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The file's text, or the finding that explains why there is none.</summary>
    public static TextFileResult Read(string fullPath, string displayPath)
    {
        var start = new SourceSpan(displayPath, 1, 1);
        if (FileKinds.Of(fullPath) is FileKind.Special or FileKind.Directory)
            return TextFileResult.Failed(FindingCodes.Unreadable.At(start, $"{displayPath} is not a regular file (a pipe, device, socket or folder); LabRunner reads only regular files"));
        byte[] bytes;
        try
        {
            using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            if (stream.Length > MaxBytes || ReadAtMost(stream, MaxBytes + 1) is not { LongLength: <= MaxBytes } read)
                return TextFileResult.Failed(FindingCodes.TooLarge.At(start,
                    $"{displayPath} is {Megabytes(Math.Max(stream.Length, MaxBytes + 1))}; LabRunner reads files of at most {Megabytes(MaxBytes)}"));
            bytes = read;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return TextFileResult.Failed(FindingCodes.Unreadable.At(start, $"cannot read {displayPath}: {exception.Message}"));
        }
        return Decode(bytes, displayPath);
    }

    /// <summary>Up to <paramref name="limit"/> bytes: a file that grows while it is read cannot make LabRunner read more.</summary>
    private static byte[] ReadAtMost(Stream stream, long limit)
    {
        var buffer = new byte[(int)Math.Min(limit, Math.Max(stream.Length, 4096))];
        var total = 0;
        while (total < limit)
        {
            if (total == buffer.Length)
                Array.Resize(ref buffer, (int)Math.Min(limit, buffer.Length * 2L));
            var read = stream.Read(buffer, total, buffer.Length - total);
            if (read == 0)
                break;
            total += read;
        }
        return buffer[..total];
    }

    public static TextFileResult Decode(byte[] bytes, string displayPath)
    {
        var body = bytes.AsSpan();
        if (body.StartsWith(Encoding.UTF8.Preamble))
            body = body[Encoding.UTF8.Preamble.Length..];
        string text;
        try
        {
            text = StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException exception)
        {
            var prefix = StrictUtf8.GetString(body[..Math.Max(0, exception.Index)]);
            return NotText(displayPath, prefix, $"{displayPath} is not UTF-8 text (invalid byte sequence)");
        }
        var control = text.AsSpan().IndexOfAny(BinaryControls);
        if (control >= 0)
            return NotText(displayPath, text[..control], $"{displayPath} is not a text file (it holds control character U+{(int)text[control]:X4})");
        return TextFileResult.Succeeded(new SourceText(displayPath, text));
    }

    private static TextFileResult NotText(string displayPath, string textBefore, string message) =>
        TextFileResult.Failed(FindingCodes.NotText.At(new SourceText(displayPath, textBefore).SpanAt(textBefore.Length), message));


    private static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024.0):0.#} MiB";
}

public sealed record TextFileResult(SourceText? Text, Finding? Problem)
{
    public static TextFileResult Succeeded(SourceText text) => new(text, null);

    public static TextFileResult Failed(Finding problem) => new(null, problem);
}
