using LabRunner.Content.Files;
using LabRunner.Content.Findings;
using LabRunner.Content.Text;
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
            stream.Load(new BoundedYamlParser(parser));
        }
        catch (YamlLimitException exception)
        {
            return (null, FindingCodes.TooComplex.At(At(source, exception.Start), exception.Message));
        }
        catch (YamlException exception) when (exception.Message.StartsWith("Duplicate key", StringComparison.Ordinal))
        {
            return (null, FindingCodes.DuplicateKey.At(At(source, exception.Start), $"duplicate key: {Echo.Of(exception.Message["Duplicate key ".Length..])} appears earlier in the same mapping"));
        }
        catch (YamlException exception) when (exception.Message.Contains("tab", StringComparison.OrdinalIgnoreCase) && FirstTabIndentation(source) is { } tab)
        {
            return (null, FindingCodes.MalformedYaml.At(source.SpanAt(tab), "a tab is used for indentation; YAML indents with spaces only"));
        }
        catch (YamlException exception) when (exception.Message.Contains("flow", StringComparison.Ordinal) && parser.InnermostFlow is { } flow)
        {
            return (null, Unclosed(source, flow));
        }
        catch (YamlException exception)
        {
            return (null, FindingCodes.MalformedYaml.At(At(source, exception.Start), $"malformed YAML: {Echo.Of(Sentence(exception.Message), Echo.MessageLength)}"));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on some unterminated flow collections and quotes; it gives no position.
            return (null, parser.InnermostFlow is { } flow
                ? Unclosed(source, flow)
                : FindingCodes.MalformedYaml.At(At(source, parser.LastEnd), "malformed YAML after this point (an unclosed quote?)"));
        }
        return stream.Documents.Count switch
        {
            0 => (null, FindingCodes.MalformedYaml.At(source.Start, $"{source.DisplayPath} is empty")),
            1 => (stream.Documents[0].RootNode, null),
            _ => (null, FindingCodes.MalformedYaml.At(At(source, stream.Documents[1].RootNode.Start),
                $"{source.DisplayPath} holds more than one YAML document; a lab is one document")),
        };
    }

    private static Finding Unclosed(SourceText source, (Mark Start, char Opener) flow)
    {
        var closer = flow.Opener == '[' ? ']' : '}';
        return FindingCodes.MalformedYaml.At(At(source, flow.Start), $"malformed YAML: this '{flow.Opener}' has no matching '{closer}'");
    }

    /// <summary>Where <paramref name="mark"/> is, by its character offset: lines as <see cref="SourceText"/> counts them, not as YAML does (YAML also breaks lines at U+2028, U+2029 and U+0085; editors do not).</summary>
    public static Model.SourceSpan At(SourceText source, Mark mark) => source.SpanAt((int)Math.Min(mark.Index, int.MaxValue));

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

    /// <summary>
    /// Remembers where the last event ended and which collections are open, to locate failures that YamlDotNet reports
    /// without a position or far from their cause (an unclosed <c>[</c> is noticed only at the end of the file).
    /// </summary>
    private sealed class PositionTrackingParser(IParser inner) : IParser
    {
        private readonly Stack<(Mark Start, char? FlowOpener)> open = new();

        public Mark LastEnd { get; private set; } = Mark.Empty;

        /// <summary>The innermost open collection, when it is a flow one (<c>[</c> or <c>{</c>).</summary>
        public (Mark Start, char Opener)? InnermostFlow =>
            open.TryPeek(out var top) && top.FlowOpener is { } opener ? (top.Start, opener) : null;

        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            var moved = inner.MoveNext();
            switch (moved ? inner.Current : null)
            {
                case SequenceStart sequence:
                    open.Push((sequence.Start, sequence.Style == SequenceStyle.Flow ? '[' : null));
                    break;
                case MappingStart mapping:
                    open.Push((mapping.Start, mapping.Style == MappingStyle.Flow ? '{' : null));
                    break;
                case SequenceEnd or MappingEnd:
                    open.TryPop(out _);
                    break;
            }
            if (moved && inner.Current is not null)
                LastEnd = inner.Current.End;
            return moved;
        }
    }
}
