using System.Text.RegularExpressions;
using LabRunner.Sandbox.Protocol;
using LabRunner.Sandbox.State;

namespace LabRunner.Sandbox.Operations;

/// <summary>
/// AddTagsToResource, RemoveTagsFromResource and ListTagsForResource on clusters, instances and cluster snapshots,
/// named by ARN as RDS names them. An ARN of this region and account whose resource does not exist answers that
/// resource's not-found fault (DBClusterNotFoundFault…); any other name is not an RDS resource here.
/// </summary>
public sealed partial class TagActions(SandboxServices services)
{
    /// <summary>RDS's limit of tags on one resource.</summary>
    public const int MaxTagsPerResource = 50;

    private const int MaxKeyLength = 128;
    private const int MaxValueLength = 256;

    /// <summary>Where each taggable kind keeps its tags: read (null when the resource is missing) and replaced.</summary>
    private sealed record Taggable(
        Func<SandboxState.Resources, string, IReadOnlyList<TagRecord>?> Read,
        Action<SandboxState.Resources, string, IReadOnlyList<TagRecord>> Replace,
        Func<string, RdsFault> NotFound);

    private static readonly Dictionary<string, Taggable> Kinds = new(StringComparer.Ordinal)
    {
        ["cluster"] = new(
            (resources, id) => resources.Clusters.GetValueOrDefault(id)?.Tags,
            (resources, id, tags) => resources.Clusters[id] = resources.Clusters[id] with { Tags = tags },
            RdsFault.ClusterNotFound),
        ["db"] = new(
            (resources, id) => resources.Instances.GetValueOrDefault(id)?.Tags,
            (resources, id, tags) => resources.Instances[id] = resources.Instances[id] with { Tags = tags },
            RdsFault.InstanceNotFound),
        ["cluster-snapshot"] = new(
            (resources, id) => resources.Snapshots.GetValueOrDefault(id)?.Tags,
            (resources, id, tags) => resources.Snapshots[id] = resources.Snapshots[id] with { Tags = tags },
            RdsFault.SnapshotNotFound),
    };

    public IEnumerable<KeyValuePair<string, ActionHandler>> Handlers() =>
    [
        new("AddTagsToResource", Add),
        new("RemoveTagsFromResource", Remove),
        new("ListTagsForResource", List),
    ];

    /// <summary>Sets each tag, replacing the value of a key the resource already has.</summary>
    private Action<System.Xml.XmlWriter>? Add(ActionRequest request)
    {
        var (kind, id) = Resource(request.Parameters);
        var added = TagsIn(request.Parameters);
        if (added.Count == 0)
            throw RdsFault.MissingParameter("Tags");
        services.State.Write(request.Caller, resources =>
        {
            var current = kind.Read(resources, id) ?? throw kind.NotFound(id);
            var addedKeys = added.Select(tag => tag.Key).ToHashSet(StringComparer.Ordinal);
            IReadOnlyList<TagRecord> merged = [.. current.Where(tag => !addedKeys.Contains(tag.Key)), .. added];
            if (merged.Count > MaxTagsPerResource)
                throw RdsFault.InvalidParameterValue($"A resource can have at most {MaxTagsPerResource} tags; these would make {merged.Count}.");
            kind.Replace(resources, id, merged);
            return merged;
        });
        return null;
    }

    private Action<System.Xml.XmlWriter>? Remove(ActionRequest request)
    {
        var (kind, id) = Resource(request.Parameters);
        var keys = request.Parameters.List("TagKeys", "member").ToHashSet(StringComparer.Ordinal);
        if (keys.Count == 0)
            throw RdsFault.MissingParameter("TagKeys");
        services.State.Write(request.Caller, resources =>
        {
            var current = kind.Read(resources, id) ?? throw kind.NotFound(id);
            IReadOnlyList<TagRecord> kept = [.. current.Where(tag => !keys.Contains(tag.Key))];
            kind.Replace(resources, id, kept);
            return kept;
        });
        return null;
    }

    private Action<System.Xml.XmlWriter> List(ActionRequest request)
    {
        var (kind, id) = Resource(request.Parameters);
        var tags = services.State.Read(request.Caller, resources => kind.Read(resources, id) ?? throw kind.NotFound(id));
        return writer => ShapeWriter.Tags(writer, tags);
    }

    private (Taggable Kind, string Id) Resource(ReceivedParameters parameters)
    {
        var arn = parameters.Required("ResourceName");
        return services.Naming.ResourceOf(arn) is { } named && Kinds.TryGetValue(named.Type, out var kind)
            ? (kind, Content.Model.RdsIdentifier.Normalize(named.Identifier))
            : throw RdsFault.InvalidParameterValue($"The specified resource name does not match an RDS resource in this region: {arn}");
    }

    /// <summary><c>Tags.Tag.N.Key</c> and <c>.Value</c>, checked as RDS checks them; the last of a repeated key wins.</summary>
    private static List<TagRecord> TagsIn(ReceivedParameters parameters)
    {
        var tags = new Dictionary<string, TagRecord>(StringComparer.Ordinal);
        foreach (var prefix in parameters.StructurePrefixes("Tags", "Tag"))
        {
            var key = parameters.Required(prefix + ".Key");
            var value = parameters.Optional(prefix + ".Value") ?? "";
            Validate(key, MaxKeyLength, "key", allowEmpty: false);
            Validate(value, MaxValueLength, "value", allowEmpty: true);
            tags[key] = new TagRecord(key, value);
        }
        return [.. tags.Values];
    }

    private static void Validate(string text, int maxLength, string what, bool allowEmpty)
    {
        if ((text.Length == 0 && !allowEmpty) || text.Length > maxLength)
            throw RdsFault.InvalidParameterValue($"A tag {what} must be {(allowEmpty ? 0 : 1)} to {maxLength} characters long.");
        if (text.StartsWith("aws:", StringComparison.OrdinalIgnoreCase) || text.StartsWith("rds:", StringComparison.OrdinalIgnoreCase))
            throw RdsFault.InvalidParameterValue($"A tag {what} cannot start with aws: or rds:.");
        if (!TagCharacters().IsMatch(text))
            throw RdsFault.InvalidParameterValue($"A tag {what} may contain only letters, digits, white space and _ . : / = + - @.");
    }

    [GeneratedRegex(@"^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$")]
    private static partial Regex TagCharacters();
}
