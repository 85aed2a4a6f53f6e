using System.Text.Json;
using System.Text.Json.Serialization;
using LabRunner.Content.Files;
using LabRunner.Content.Model;
using LabRunner.Engine.Targets;

namespace LabRunner.Cli.Classroom;

/// <summary>
/// A class target this laptop joined (or the instructor's own, stored by <c>sandbox serve --class</c>): where the
/// class sandbox is, its region, the key to sign with and, for a learner, their name. Holds a secret: only ever
/// written to <see cref="StoredTargets"/>' file (0600), never shown.
/// </summary>
public sealed record StoredTarget(string ClassName, Uri Endpoint, string Region, string AccessKeyId, string SecretAccessKey, string? Learner)
{
    /// <summary>The learner's name in the lab's one name variable (e.g. yourname=alice), unless the values already give it.</summary>
    public IReadOnlyDictionary<string, string> NameInto(Lab lab, IReadOnlyDictionary<string, string> variables)
    {
        if (Learner is null || lab.NameVariables is not [var nameVariable] || variables.ContainsKey(nameVariable.Name))
            return variables;
        return new Dictionary<string, string>(variables) { [nameVariable.Name] = Learner };
    }
}

/// <summary>The stored targets and which one plain <c>labrunner</c> uses.</summary>
public sealed record StoredTargetsDocument(string? Current, IReadOnlyList<StoredTarget> Targets);

/// <summary>
/// <c>targets.json</c> in the data folder (a folder only its owner may enter, the file readable by its owner only):
/// the class targets, by class name, and the current one, which every command uses when no <c>--target</c>,
/// <c>--endpoint</c> or <c>--profile</c> says otherwise.
/// </summary>
public static class StoredTargets
{
    public static string PathIn(string dataDirectory) => System.IO.Path.Combine(dataDirectory, "targets.json");

    /// <summary>The current target when <paramref name="options"/> name none (no --target, --endpoint or --profile); else null.</summary>
    /// <exception cref="CliFailure">The file is there but cannot be read (exit 2, naming it).</exception>
    public static StoredTarget? For(TargetOptions options, string dataDirectory) =>
        options.Kind is null && options.ResolvedKind == TargetKind.Sandbox ? Current(dataDirectory) : null;

    /// <summary>The current target, or null when none is stored.</summary>
    /// <exception cref="CliFailure">The file is there but cannot be read (exit 2, naming it).</exception>
    public static StoredTarget? Current(string dataDirectory)
    {
        var document = Load(dataDirectory);
        return document.Targets.FirstOrDefault(target => target.ClassName == document.Current);
    }

    /// <summary>Stores <paramref name="target"/> (replacing one of the same class) and makes it current.</summary>
    /// <exception cref="CliFailure">The file cannot be read or written.</exception>
    public static void Store(string dataDirectory, StoredTarget target)
    {
        var document = Load(dataDirectory);
        var targets = document.Targets.Where(other => other.ClassName != target.ClassName).Append(target).ToList();
        try
        {
            DataDirectory.CreatePrivate(dataDirectory);
            AtomicFile.Replace(PathIn(dataDirectory), stream => JsonSerializer.Serialize(stream, new StoredTargetsDocument(target.ClassName, targets), StoredTargetsJson.Default.StoredTargetsDocument));
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
        {
            throw CliFailure.Target($"{PathIn(dataDirectory)} cannot be written: {problem.Message}");
        }
    }

    private static StoredTargetsDocument Load(string dataDirectory)
    {
        var path = PathIn(dataDirectory);
        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize(stream, StoredTargetsJson.Default.StoredTargetsDocument) ?? throw new JsonException("it holds null");
        }
        catch (Exception missing) when (missing is FileNotFoundException or DirectoryNotFoundException)
        {
            return new StoredTargetsDocument(null, []);
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException or JsonException)
        {
            throw CliFailure.Usage($"{path} cannot be read ({problem.Message}): move it aside and join the class again");
        }
    }
}

/// <summary>The stored targets' JSON, generated at compile time (Native AOT).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(StoredTargetsDocument))]
internal sealed partial class StoredTargetsJson : JsonSerializerContext;
