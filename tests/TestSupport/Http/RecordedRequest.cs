using Microsoft.AspNetCore.WebUtilities;

namespace LabRunner.TestSupport.Http;

/// <summary>One request as a <see cref="ScriptedHttpServer"/> received it.</summary>
public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    private readonly Lazy<IReadOnlyDictionary<string, string>> form = new(() =>
        QueryHelpers.ParseQuery(Body).ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal));

    /// <summary>The form-encoded body, decoded (Query-API fields such as <c>Action</c>).</summary>
    public IReadOnlyDictionary<string, string> Form => form.Value;

    public string? Action => Form.GetValueOrDefault("Action");

    public string? Header(string name) => Headers.GetValueOrDefault(name.ToLowerInvariant());
}
