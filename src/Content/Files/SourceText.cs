using LabRunner.Content.Model;

namespace LabRunner.Content.Files;

/// <summary>
/// A file's text with its display path, mapping character offsets to 1-based lines and columns. Lines end as editors end
/// them: at a line feed, a carriage return, or both together.
/// </summary>
public sealed class SourceText
{
    private readonly int[] lineStarts;

    public SourceText(string displayPath, string text)
    {
        DisplayPath = displayPath;
        Text = text;
        var starts = new List<int> { 0 };
        for (var index = 0; index < text.Length; index++)
        {
            var endsLine = text[index] == '\n' || text[index] == '\r' && (index + 1 == text.Length || text[index + 1] != '\n');
            if (endsLine)
                starts.Add(index + 1);
        }
        lineStarts = [.. starts];
    }

    public string DisplayPath { get; }

    public string Text { get; }

    public SourceSpan SpanAt(int offset)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        var line = Array.BinarySearch(lineStarts, offset);
        if (line < 0)
            line = ~line - 1;
        return new SourceSpan(DisplayPath, line + 1, offset - lineStarts[line] + 1);
    }

    public SourceSpan Start => new(DisplayPath, 1, 1);
}
