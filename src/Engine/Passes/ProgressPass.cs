using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LabRunner.Engine.Passes;

/// <summary>
/// A learner's progress pass: which lab and learner it is, where they work, and the presigned read-only Describe GETs
/// that read exactly their resources, valid until <see cref="Expires"/>. It holds no secret: each URL can only repeat
/// its one call until it expires. Written as indented JSON to a file, or as one line (<see cref="ToLine"/>) to paste.
/// </summary>
public sealed record ProgressPass(
    string Format,
    string Lab,
    IReadOnlyDictionary<string, string> Variables,
    PassTarget Target,
    DateTimeOffset Created,
    DateTimeOffset Expires,
    IReadOnlyList<string> Requests)
{
    public const string CurrentFormat = "labrunner-pass/1";

    /// <summary>What starts the one-line form: <c>labrunner-pass:</c> then the JSON in base64url.</summary>
    public const string LinePrefix = "labrunner-pass:";

    /// <summary>More than any lab's reads need; a pass is a few kilobytes.</summary>
    public const int MaxRequests = 32;

    public string ToJson() => JsonSerializer.Serialize(this, PassJson.Default.ProgressPass);

    /// <summary>The pass as one line of plain ASCII, for a chat message or a form.</summary>
    public string ToLine()
    {
        var compact = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(compact)) // the writer's options, not the context's, decide the indenting
            JsonSerializer.Serialize(writer, this, PassJson.Default.ProgressPass);
        return LinePrefix + Convert.ToBase64String(compact.WrittenSpan).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The pass in <paramref name="json"/>, or why it is none (a message fit for the user, not yet made visible-safe).</summary>
    public static (ProgressPass? Pass, string? Problem) FromJson(string json)
    {
        ProgressPass? pass;
        try
        {
            pass = JsonSerializer.Deserialize(json, PassJson.Default.ProgressPass);
        }
        catch (JsonException e)
        {
            return (null, $"not a progress pass (line {(e.LineNumber ?? 0) + 1}: {e.Message.Split(" Path:")[0]})");
        }
        return pass is null ? (null, "not a progress pass (null)") : (pass, pass.Problem());
    }

    /// <summary>The pass in its one-line form, or why it is none.</summary>
    public static (ProgressPass? Pass, string? Problem) FromLine(string line)
    {
        if (!line.StartsWith(LinePrefix, StringComparison.Ordinal))
            return (null, $"not a progress pass (a pass's line starts with {LinePrefix})");
        var base64 = line[LinePrefix.Length..].Trim().Replace('-', '+').Replace('_', '/');
        try
        {
            return FromJson(Encoding.UTF8.GetString(Convert.FromBase64String(base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '='))));
        }
        catch (FormatException)
        {
            return (null, "not a progress pass (the text after labrunner-pass: is not base64url)");
        }
    }

    private string? Problem()
    {
        if (Format != CurrentFormat)
            return $"a pass of format '{Format}', which this LabRunner does not read (it reads {CurrentFormat})";
        if (string.IsNullOrWhiteSpace(Lab) || Variables is null || Target is null || Requests is null)
            return "a pass without its lab, variables, target or requests";
        if (Requests.Count is 0 or > MaxRequests)
            return $"a pass with {Requests.Count} requests (1 to {MaxRequests})";
        return null;
    }
}

/// <summary>Where the learner worked, as their own <c>check</c> names it; the account and ARN are what STS told them.</summary>
public sealed record PassTarget(string Endpoint, string Region, string? Profile = null, string? Account = null, string? Arn = null);

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.KebabCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, RespectRequiredConstructorParameters = true, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(ProgressPass))]
internal sealed partial class PassJson : JsonSerializerContext;
