using System.Xml.Linq;
using LabRunner.Rds.Model;
using LabRunner.Rds.Protocol;

// Tags as the client reads and writes them: the Tag shape (read in every resource's TagList) and
// AddTagsToResource, RemoveTagsFromResource and ListTagsForResource, in one file.

namespace LabRunner.Rds.Model
{
    /// <summary>A tag: <c>Key</c> and <c>Value</c> (RDS may omit an empty value).</summary>
    public sealed record Tag(string Key, string Value);

    /// <summary>Tags a resource named by its ARN (<c>DBClusterArn</c>, <c>DBInstanceArn</c>, <c>DBClusterSnapshotArn</c>).</summary>
    public sealed record AddTagsToResourceRequest(string ResourceName, IReadOnlyList<Tag> Tags);

    public sealed record RemoveTagsFromResourceRequest(string ResourceName, IReadOnlyList<string> TagKeys);

    public sealed record ListTagsForResourceRequest(string ResourceName);

    public sealed record ListTagsForResourceResponse(IReadOnlyList<Tag> TagList);

    public static class TagLists
    {
        /// <summary>The value of <paramref name="key"/>, or null when the list has no such tag.</summary>
        public static string? ValueOf(this IReadOnlyList<Tag> tags, string key) =>
            tags.FirstOrDefault(tag => tag.Key == key)?.Value;
    }
}

namespace LabRunner.Rds
{
    public partial interface IRdsApi
    {
        /// <summary>Adds tags, replacing the value of a key the resource already has. Answers nothing.</summary>
        Task AddTagsToResourceAsync(AddTagsToResourceRequest request, CancellationToken cancellationToken = default);

        Task RemoveTagsFromResourceAsync(RemoveTagsFromResourceRequest request, CancellationToken cancellationToken = default);

        Task<ListTagsForResourceResponse> ListTagsForResourceAsync(ListTagsForResourceRequest request, CancellationToken cancellationToken = default);
    }

    public sealed partial class RdsQueryClient
    {
        public Task AddTagsToResourceAsync(AddTagsToResourceRequest request, CancellationToken cancellationToken = default) =>
            transport.CallAsync(RequestWriter.Write(request), _ => true, cancellationToken);

        public Task RemoveTagsFromResourceAsync(RemoveTagsFromResourceRequest request, CancellationToken cancellationToken = default) =>
            transport.CallAsync(RequestWriter.Write(request), _ => true, cancellationToken);

        public Task<ListTagsForResourceResponse> ListTagsForResourceAsync(ListTagsForResourceRequest request, CancellationToken cancellationToken = default) =>
            transport.CallAsync(RequestWriter.Write(request), ResponseReader.ListTagsForResource, cancellationToken);
    }
}

namespace LabRunner.Rds.Protocol
{
    internal static partial class RequestWriter
    {
        public static RequestForm Write(AddTagsToResourceRequest r)
        {
            var form = new RequestForm("AddTagsToResource").Add("ResourceName", r.ResourceName);
            for (var i = 0; i < r.Tags.Count; i++)
            {
                var prefix = $"Tags.Tag.{i + 1}";
                form.Add($"{prefix}.Key", r.Tags[i].Key).Add($"{prefix}.Value", r.Tags[i].Value);
            }
            return form;
        }

        public static RequestForm Write(RemoveTagsFromResourceRequest r) => new RequestForm("RemoveTagsFromResource")
            .Add("ResourceName", r.ResourceName)
            .AddList("TagKeys", "member", r.TagKeys);

        public static RequestForm Write(ListTagsForResourceRequest r) => new RequestForm("ListTagsForResource")
            .Add("ResourceName", r.ResourceName);
    }

    internal static partial class ResponseReader
    {
        public static ListTagsForResourceResponse ListTagsForResource(XElement result) =>
            new(result.List("TagList", "Tag", ShapeReader.Tag));
    }

    internal static partial class ShapeReader
    {
        public static Tag Tag(XElement e) => new(e.RequiredString("Key"), e.String("Value") ?? "");
    }
}
