using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace LabRunner.Rds.Protocol;

/// <summary>
/// Reads an answer's body as text, never more than <see cref="MaxBytes"/>: a declared <c>Content-Length</c> above it is
/// refused before reading, a chunked (or lying) body as soon as it grows past it.
/// </summary>
internal static class ResponseBody
{
    /// <summary>16 MiB: a page of 100 RDS records is well under 1 MiB.</summary>
    public const int MaxBytes = 16 * 1024 * 1024;

    public const string TooLargeCode = "ResponseTooLarge";

    public static async Task<string> ReadAsync(HttpContent content, string action, int statusCode, Uri endpoint, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength is > MaxBytes and var declared)
            throw TooLarge(action, statusCode, endpoint, string.Create(CultureInfo.InvariantCulture, $"of {declared:N0} bytes, more than"));

        using var buffer = new MemoryStream();
        await using (var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false))
        {
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > MaxBytes)
                    throw TooLarge(action, statusCode, endpoint, "larger than");
                buffer.Write(chunk, 0, read);
            }
        }

        buffer.Position = 0;
        using var reader = new StreamReader(buffer, EncodingOf(content.Headers.ContentType), detectEncodingFromByteOrderMarks: true);
        return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
    }

    // As HttpContent.ReadAsStringAsync: the declared charset when known, else UTF-8 (a byte order mark wins over both).
    private static Encoding EncodingOf(MediaTypeHeaderValue? contentType)
    {
        if (contentType?.CharSet is { Length: > 0 } charset)
        {
            try
            {
                return Encoding.GetEncoding(charset.Trim('"'));
            }
            catch (ArgumentException)
            {
                // an unknown charset: read it as UTF-8
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
}
