using System.CommandLine;
using System.CommandLine.Parsing;
using LabRunner.Content.Learners;
using LabRunner.Engine.Targets;

namespace LabRunner.Cli;

/// <summary>
/// The options every command that talks to a target shares (check, perform, cleanup, run, class): defined once here,
/// so they read and behave the same everywhere.
/// </summary>
public static class SessionOptions
{
    public static readonly Option<TargetKind?> Target = new Option<TargetKind?>("--target")
    {
        Description = "sandbox (the default: LabRunner's local RDS emulator) or aws (implied by --endpoint or --profile).",
        HelpName = "aws|sandbox",
    }.AcceptOnlyFromAmong("aws", "sandbox");

    public static readonly Option<Uri?> Endpoint = new("--endpoint")
    {
        Description = "An RDS-compatible endpoint URL (a classroom `labrunner sandbox serve`, moto); uses the usual AWS credential chain.",
        CustomParser = ParseEndpoint,
    };

    public static readonly Option<string?> Profile = new("--profile")
    {
        Description = "The AWS profile to use (from ~/.aws/config and ~/.aws/credentials).",
    };

    public static readonly Option<string?> Region = new("--region")
    {
        Description = "The AWS region (default: AWS_REGION, AWS_DEFAULT_REGION or the profile's region).",
    };

    public static readonly Option<string[]> Variables = new("--var")
    {
        Description = "A lab variable as name=value, e.g. --var yourname=alice; repeat for several.",
        AllowMultipleArgumentsPerToken = false,
        Arity = ArgumentArity.ZeroOrMore,
        Validators = { ValidateVariables },
    };

    /// <summary>Adds the target options and --var to <paramref name="command"/>.</summary>
    public static void AddTo(Command command)
    {
        command.Options.Add(Variables);
        command.Options.Add(Target);
        command.Options.Add(Endpoint);
        command.Options.Add(Profile);
        command.Options.Add(Region);
    }

    public static TargetOptions TargetOf(ParseResult parse) =>
        new(parse.GetValue(Target), parse.GetValue(Endpoint), parse.GetValue(Profile), parse.GetValue(Region));

    /// <summary>The --var values by name, the last one winning when a name is repeated (malformed ones were refused while parsing).</summary>
    public static IReadOnlyDictionary<string, string> VariablesOf(ParseResult parse) =>
        LearnerBinding.ParseAssignments(parse.GetValue(Variables) ?? []).Values;

    private static void ValidateVariables(OptionResult result)
    {
        foreach (var token in result.Tokens)
            if (token.Value.IndexOf('=') <= 0)
                result.AddError($"--var '{token.Value}' is not name=value (e.g. --var yourname=alice)");
    }

    private static Uri? ParseEndpoint(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            return uri;
        result.AddError($"--endpoint '{text}' is not an http:// or https:// URL");
        return null;
    }
}
