using LabRunner.Content.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace LabRunner.Content.Import;

/// <summary>
/// Writes one YAML document through YamlDotNet's emitter (no reflection), which escapes whatever a value holds; every
/// text value is double-quoted so none can read back as a number, a boolean or null. Comments are single lines.
/// </summary>
internal sealed class YamlWriter : IDisposable
{
    private readonly Emitter emitter;

    public YamlWriter(TextWriter output)
    {
        emitter = new Emitter(output, new EmitterSettings().WithMaxSimpleKeyLength(1024));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
    }

    public void Comment(string text) => emitter.Emit(new Comment(OneLine(text), isInline: false));

    public void BeginMapping() => emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, isImplicit: true, MappingStyle.Block));

    public void EndMapping() => emitter.Emit(new MappingEnd());

    public void BeginSequence() => emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, SequenceStyle.Block));

    public void EndSequence() => emitter.Emit(new SequenceEnd());

    /// <summary>A key: the importer's own words (lab.yaml's keys, placeholder names), written plain.</summary>
    public void Key(string key) => emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, key, ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));

    public void Text(string value) => emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, value, ScalarStyle.DoubleQuoted, isPlainImplicit: false, isQuotedImplicit: true));

    /// <summary>A number or boolean the importer chose, written plain.</summary>
    public void Plain(string value) => Key(value);

    public void Entry(string key, string value)
    {
        Key(key);
        Text(value);
    }

    public void Dispose()
    {
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
    }

    /// <summary>A comment holds no line break or control character: those are written as escapes.</summary>
    private static string OneLine(string text) => Echo.Of(text, 200);
}
