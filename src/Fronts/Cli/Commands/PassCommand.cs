using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text;
using LabRunner.Content.Files;
using LabRunner.Content.Loading;
using LabRunner.Content.Text;
using LabRunner.Rds.Passes;
using LabRunner.Tui.Hosting;
using LabRunner.Engine.Passes;
using LabRunner.Engine.Plans;
using LabRunner.Engine.Sessions;
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
                throw CliFailure.Usage($"labrunner pass: {BuiltInSandboxRefusal}; pass --endpoint URL (a class sandbox) or --target aws");
            await using var opened = await LabInvocation.OpenAsync(parse, cancellationToken);
            var session = opened.Session;
            var (pass, path) = await WriteAsync(await opened.Target.PresignReadsAsync(parse.GetValue(Expires), cancellationToken), session.Plan, session.Target, parse.GetValue(Out), cancellationToken);
            var error = parse.InvocationConfiguration.Error;
            error.WriteLine(VisibleText.Of($"labrunner: wrote {path}: {pass.Requests.Count} read-only requests for {session.Learner.Key}'s resources, valid until {pass.Expires:yyyy-MM-dd HH:mm} UTC."));
            error.WriteLine("Send the file to your instructor, or paste this line:");
            parse.InvocationConfiguration.Output.WriteLine(pass.ToLine());
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Why a pass cannot be made on the built-in sandbox.</summary>
    public const string BuiltInSandboxRefusal = "the built-in sandbox ends with LabRunner, so no instructor could read a pass made on it";

    /// <summary>Makes the learner's pass with <paramref name="recorder"/> and writes it to <paramref name="path"/> (default: labrunner-pass-LAB-NAME.json here).</summary>
    /// <exception cref="CliFailure">The file cannot be written (exit 2).</exception>
    public static async Task<(ProgressPass Pass, string Path)> WriteAsync(PassRecorder recorder, LabPlan plan, TargetInfo info, string? path, CancellationToken cancellationToken)
    {
        var pass = await PassMaker.MakeAsync(plan, recorder, info, cancellationToken);
        path ??= $"labrunner-pass-{plan.Lab.Id}-{plan.Learner.Key}.json";
        Write(path, pass);
        return (pass, path);
    }

    /// <summary><see cref="WriteAsync"/> for the TUI's P key: what it shows of the pass written.</summary>
    /// <exception cref="TargetUnavailableException">The file cannot be written.</exception>
    public static async Task<WrittenPass> WriteForTuiAsync(PassRecorder recorder, LabSession session, string? path, CancellationToken cancellationToken)
    {
        try
        {
            var (pass, written) = await WriteAsync(recorder, session.Plan, session.Target, path, cancellationToken);
            return new WrittenPass(Path.GetFullPath(written), pass.ToLine(), pass.Expires, pass.Requests.Count);
        }
        catch (CliFailure failure)
        {
            throw new TargetUnavailableException(failure.Message, failure);
        }
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
