using System.CommandLine;
using System.CommandLine.Parsing;
using LabRunner.Content.Text;

namespace LabRunner.Cli.Classroom;

/// <summary>
/// <c>labrunner join http://HOST:PORT CODE</c>, once on a learner's laptop: redeems the code the instructor gave them and
/// stores the class as this laptop's target, so plain <c>labrunner</c> works in the class with no flags and no name
/// to type. The key's secret goes to the stored target only, never to the screen.
/// </summary>
public static class JoinCommand
{
    private const int MaxClassNameLength = 64;

    private static readonly Argument<Uri> Address = new("address")
    {
        Description = "The class sandbox, as the instructor's join line gives it, e.g. http://192.168.1.20:17363.",
        CustomParser = ParseAddress,
    };

    private static readonly Argument<string> Code = new("code")
    {
        Description = "Your join code, e.g. K7QM-2XRD-PW9A: it joins once.",
    };

    public static Command Create()
    {
        var command = new Command("join", "Join a class from the line your instructor gave you; then plain 'labrunner' works in the class.") { Address, Code };
        command.SetAction((parse, cancellationToken) => RunAsync(parse, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var endpoint = parse.GetValue(Address)!;
        var code = parse.GetValue(Code)!;
        var dataDirectory = DataDirectory.Resolve(parse.GetValue(GlobalOptions.DataDir));
        var joined = await ClassSandboxCalls.JoinAsync(endpoint, code, cancellationToken);
        var className = VisibleText.Of(joined.ClassName);
        if (className.Length is 0 or > MaxClassNameLength)
            throw CliFailure.Target($"the sandbox at {endpoint} answered a class name of {className.Length} characters: it is not a class sandbox LabRunner can use");
        StoredTargets.Store(dataDirectory, new StoredTarget(className, endpoint, joined.Region, joined.AccessKeyId, joined.SecretAccessKey, joined.Learner));
        var output = parse.InvocationConfiguration.Output;
        output.WriteLine(VisibleText.Of($"Joined the class {className} as {joined.Learner}."));
        output.WriteLine($"From now on 'labrunner' works in this class with no flags (its key is kept in {StoredTargets.PathIn(dataDirectory)}, readable only by you).");
        return ExitCodes.Ok;
    }

    private static Uri ParseAddress(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.PathAndQuery == "/")
            return uri;
        result.AddError($"'{VisibleText.Of(text)}' is not a class sandbox's address: expected http://HOST:PORT, as in the line your instructor gave you");
        return new Uri("http://127.0.0.1/");
    }
}
