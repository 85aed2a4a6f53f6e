using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace LabRunner.Content.Loading;

/// <summary>
/// Passes YamlDotNet's parser events on with every alias replaced by a copy of the node it names, located at the alias,
/// so YamlDotNet's node model never holds a shared or cyclic node and a finding about an aliased value points at the
/// alias. It stops, with <see cref="YamlLimitException"/>, at what would make reading a lab unbounded: collections nested
/// deeper than <see cref="MaxDepth"/>, an alias used inside the node it names, or aliases that expand to more than
/// <see cref="MaxAliasEvents"/> events (a "billion laughs").
/// </summary>
internal sealed class BoundedYamlParser(IParser inner) : IParser
{
    public const int MaxDepth = 64;

    public const int MaxAliasEvents = 10_000;

    /// <summary>Every event passed on in this document, so an anchored node can be copied from it.</summary>
    private readonly List<ParsingEvent> passed = [];

    /// <summary>Where each anchored node's events start and end in <see cref="passed"/>; End is -1 while the node is open.</summary>
    private readonly Dictionary<AnchorName, (int Start, int End)> anchors = [];

    /// <summary>The open collections: where each starts in <see cref="passed"/> and its anchor.</summary>
    private readonly Stack<(int Start, AnchorName Anchor)> open = new();

    private readonly Queue<ParsingEvent> replay = new();

    private int aliasEvents;

    public ParsingEvent? Current { get; private set; }

    public bool MoveNext()
    {
        if (replay.Count == 0 && !inner.MoveNext())
        {
            Current = null;
            return false;
        }
        var next = replay.Count > 0 ? replay.Dequeue() : inner.Current!;
        if (next is AnchorAlias alias)
        {
            Expand(alias);
            next = replay.Dequeue();
        }
        Pass(next);
        Current = next;
        return true;
    }

    private void Pass(ParsingEvent next)
    {
        switch (next)
        {
            case DocumentStart:
                passed.Clear();
                anchors.Clear();
                break;
            case Scalar { Anchor.IsEmpty: false } scalar:
                anchors[scalar.Anchor] = (passed.Count, passed.Count);
                break;
            case NodeEvent node and (SequenceStart or MappingStart):
                if (open.Count == MaxDepth)
                    throw new YamlLimitException(node.Start, $"lists and mappings are nested more than {MaxDepth} levels deep here; LabRunner reads at most {MaxDepth}");
                open.Push((passed.Count, node.Anchor));
                if (!node.Anchor.IsEmpty)
                    anchors[node.Anchor] = (passed.Count, -1);
                break;
            case SequenceEnd or MappingEnd when open.TryPop(out var closed) && !closed.Anchor.IsEmpty:
                anchors[closed.Anchor] = (closed.Start, passed.Count);
                break;
        }
        passed.Add(next);
    }

    private void Expand(AnchorAlias alias)
    {
        if (!anchors.TryGetValue(alias.Value, out var anchored))
            throw new YamlLimitException(alias.Start, $"the alias *{alias.Value} names no anchor (&{alias.Value}) defined before it");
        if (anchored.End < 0)
            throw new YamlLimitException(alias.Start, $"the alias *{alias.Value} is used inside the node it names (&{alias.Value}), which would make it endless");
        var count = anchored.End - anchored.Start + 1;
        aliasEvents += count;
        if (aliasEvents > MaxAliasEvents)
            throw new YamlLimitException(alias.Start, $"aliases expand to more than {MaxAliasEvents:N0} YAML nodes; LabRunner reads no more (is an alias repeating an alias?)");
        for (var index = anchored.Start; index <= anchored.End; index++)
            replay.Enqueue(CopyAt(passed[index], alias.Start, alias.End));
    }

    /// <summary>The same event without its anchor, located at <paramref name="start"/>–<paramref name="end"/>.</summary>
    private static ParsingEvent CopyAt(ParsingEvent original, Mark start, Mark end) => original switch
    {
        Scalar scalar => new Scalar(AnchorName.Empty, scalar.Tag, scalar.Value, scalar.Style, scalar.IsPlainImplicit, scalar.IsQuotedImplicit, start, end, scalar.IsKey),
        SequenceStart sequence => new SequenceStart(AnchorName.Empty, sequence.Tag, sequence.IsImplicit, sequence.Style, start, end),
        MappingStart mapping => new MappingStart(AnchorName.Empty, mapping.Tag, mapping.IsImplicit, mapping.Style, start, end),
        SequenceEnd => new SequenceEnd(start, end),
        MappingEnd => new MappingEnd(start, end),
        _ => original,
    };
}

/// <summary>A lab.yaml that is well-formed but beyond what LabRunner reads; <see cref="Start"/> locates the cause.</summary>
internal sealed class YamlLimitException(Mark start, string message) : Exception(message)
{
    public Mark Start { get; } = start;
}
