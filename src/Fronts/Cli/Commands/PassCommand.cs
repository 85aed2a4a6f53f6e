using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text;
using LabRunner.Content.Files;
using LabRunner.Content.Loading;
using LabRunner.Content.Text;
using LabRunner.Engine.Passes;
using LabRunner.Engine.Targets;

namespace LabRunner.Cli.Commands;

/// <summary>
/// <c>labrunner pass &lt;lab&gt;</c>: writes the learner's progress pass, presigned read-only Describe calls for exactly
/// their resources, for an instructor's <c>class --passes</c>. Sends nothing to RDS but what the target needs to connect.
/// </summary>
public static class PassCommand
{
    public static readonly TimeSpan DefaultExpiry = TimeSpan.FromHours(12);

    private static readonly Option<TimeSpan> Expires = new("--expires")
    {
        Description = "How long the pass works: 30m, 12h, 48h… (default 12h; at most 168h, 7 days, and never beyond your credentials' own expiry).",
        HelpName = "duration",
        DefaultValueFactory = _ => DefaultExpiry,
        CustomParser = ParseExpires,
    };

    private static readonly Option<string?> Out = new("--out")
    {
        Description = "Where to write the pass (default: labrunner-pass-LAB-NAME.json here).",
        HelpName = "file",
    };

    public static Command Create()
    {
        var command = new Command("pass", "Write your progress pass for the instructor: read-only, expiring, no secret in it.")
        {
            LabInvocation.LabPath,
            Expires,
            Out,
        };
        SessionOptions.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (SessionOptions.TargetOf(parse).ResolvedKind == TargetKind.Sandbox)
                throw CliFailure.Usage("labrunner pass: the built-in sandbox ends with this command, so no instructor could read a pass made on it; pass --endpoint URL (a class sandbox) or --target aws");
            await using var opened = await LabInvocation.OpenAsync(parse, cancellationToken);
            var session = opened.Session;
            var pass = await PassMaker.MakeAsync(session.Plan, await opened.Target.PresignReadsAsync(parse.GetValue(Expires), cancellationToken), session.Target, cancellationToken);
            var path = parse.GetValue(Out) ?? $"labrunner-pass-{session.Lab.Id}-{session.Learner.Key}.json";
            Write(path, pass);
            var error = parse.InvocationConfiguration.Error;
            error.WriteLine(VisibleText.Of($"labrunner: wrote {path}: {pass.Requests.Count} read-only requests for {session.Learner.Key}'s resources, valid until {pass.Expires:yyyy-MM-dd HH:mm} UTC."));
            error.WriteLine("Send the file to your instructor, or paste this line:");
            parse.InvocationConfiguration.Output.WriteLine(pass.ToLine());
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Write(string path, ProgressPass pass)
    {
        try
        {
            AtomicFile.Replace(Path.GetFullPath(path), stream => stream.Write(Encoding.UTF8.GetBytes(pass.ToJson() + "\n")));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw CliFailure.Usage(VisibleText.Of($"--out {path}: cannot write the pass there: {e.Message}"));
        }
    }

    private static TimeSpan ParseExpires(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (Durations.Parse(text) is { } duration && duration >= TimeSpan.FromMinutes(1) && duration <= TimeSpan.FromDays(7))
            return duration;
        result.AddError(VisibleText.Of($"--expires '{text}' is not a duration from 1m to 168h (e.g. 30m, 12h, 48h)"));
        return DefaultExpiry;
    }
}
