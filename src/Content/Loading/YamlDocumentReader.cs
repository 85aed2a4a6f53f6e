using LabRunner.Content.Files;
using LabRunner.Content.Findings;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace LabRunner.Content.Loading;

/// <summary>Parses lab.yaml into YamlDotNet's representation model, where every node keeps its position.</summary>
internal static class YamlDocumentReader
{
    public static (YamlNode? Root, Finding? Problem) Read(SourceText source)
    {
        var parser = new PositionTrackingParser(new Parser(new StringReader(source.Text)));
        var stream = new YamlStream();
        try
        {
            stream.Load(parser);
        }
        catch (YamlException exception) when (exception.Message.StartsWith("Duplicate key", StringComparison.Ordinal))
        {
            return (null, FindingCodes.DuplicateKey.At(At(source, exception.Start), $"duplicate key: {exception.Message["Duplicate key ".Length..]} appears earlier in the same mapping"));
        }
        catch (YamlException exception) when (exception.Message.Contains("tab", StringComparison.OrdinalIgnoreCase) && FirstTabIndentation(source) is { } tab)
        {
            return (null, FindingCodes.MalformedYaml.At(source.SpanAt(tab), "a tab is used for indentation; YAML indents with spaces only"));
        }
        catch (YamlException exception)
        {
            return (null, FindingCodes.MalformedYaml.At(At(source, exception.Start), $"malformed YAML: {Sentence(exception.Message)}"));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on some unterminated flow collections; the last event read is the best position.
            return (null, FindingCodes.MalformedYaml.At(At(source, parser.LastEnd),
                "malformed YAML after this point (an unclosed [ or { or quote?)"));
        }
        return stream.Documents.Count switch
        {
            0 => (null, FindingCodes.MalformedYaml.At(source.Start, $"{source.DisplayPath} is empty")),
            1 => (stream.Documents[0].RootNode, null),
            _ => (null, FindingCodes.MalformedYaml.At(At(source, stream.Documents[1].RootNode.Start),
                $"{source.DisplayPath} holds more than one YAML document; a lab is one document")),
        };
    }

    public static Model.SourceSpan At(SourceText source, Mark mark) =>
        new(source.DisplayPath, (int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    private static string Sentence(string message) =>
        message.Length > 0 ? char.ToLowerInvariant(message[0]) + message[1..].TrimEnd('.') : message;

    /// <summary>The offset of the first tab in a line's leading white space, or null.</summary>
    private static int? FirstTabIndentation(SourceText source)
    {
        var lineStart = 0;
        foreach (var line in source.Text.Split('\n'))
        {
            var indentation = line.Length - line.TrimStart(' ', '\t').Length;
            var tab = line.IndexOf('\t', 0, indentation);
            if (tab >= 0 && indentation < line.TrimEnd('\r').Length)
                return lineStart + tab;
            lineStart += line.Length + 1;
        }
        return null;
    }

    /// <summary>Remembers where the last event ended, to locate failures that YamlDotNet reports without a position.</summary>
    private sealed class PositionTrackingParser(IParser inner) : IParser
    {
        public Mark LastEnd { get; private set; } = Mark.Empty;

        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            var moved = inner.MoveNext();
            if (moved && inner.Current is not null)
                LastEnd = inner.Current.End;
            return moved;
        }
    }
}
