using LabRunner.Engine.Targets;

namespace LabRunner.Engine.Actions;

/// <summary>The AWS CLI command that does exactly what an action does, for the learner to read or run themselves.</summary>
/// <param name="Operation">e.g. <c>create-db-cluster-snapshot</c>.</param>
/// <param name="Arguments">Option and value pairs in order; a null value is a bare flag such as <c>--apply-immediately</c>.</param>
/// <remarks>An action of several calls (restore a cluster, then add its writer) chains its commands with <see cref="Then"/>.</remarks>
public sealed record AwsCliCommand(string Operation, IReadOnlyList<KeyValuePair<string, string?>> Arguments)
{
    /// <summary>The command to run once this one succeeds, or null.</summary>
    public AwsCliCommand? Then { get; init; }

    /// <summary>The command line against <paramref name="target"/> (its endpoint for the sandbox or a custom endpoint, its region and profile), followed by <c>&amp;&amp;</c> and the next one.</summary>
    public string Render(TargetInfo target) => Then is null ? RenderOne(target) : $"{RenderOne(target)} && {Then.Render(target)}";

    private string RenderOne(TargetInfo target)
    {
        var words = new List<string> { "aws", "rds", Operation };
        foreach (var (option, value) in Arguments.Concat(TargetArguments(target)))
        {
            words.Add(option);
            if (value is not null)
                words.Add(Quote(value));
        }
        return string.Join(' ', words);
    }

    private static IEnumerable<KeyValuePair<string, string?>> TargetArguments(TargetInfo target)
    {
        if (target.Kind == TargetKind.Sandbox || !target.IsAmazon)
            yield return new("--endpoint-url", target.Endpoint.ToString().TrimEnd('/'));
        if (target.Region is not null)
            yield return new("--region", target.Region);
        if (target.Profile is not null)
            yield return new("--profile", target.Profile);
    }

    /// <summary>POSIX shell quoting, only where needed.</summary>
    public static string Quote(string value) =>
        value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || "-_.:/=@,+".Contains(c))
            ? value
            : "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
