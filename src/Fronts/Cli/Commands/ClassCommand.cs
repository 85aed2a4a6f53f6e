using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using LabRunner.Cli.Reports;
using LabRunner.Cli.Targets;
using LabRunner.Engine.Checks;
using LabRunner.Content.Model;
using LabRunner.Engine.Class;
using LabRunner.Engine.Passes;
using LabRunner.Engine.Targets;
using LabRunner.Rds;
using LabRunner.Rds.Passes;
using LabRunner.Tui.Class;
using LabRunner.Content.Text;

namespace LabRunner.Cli.Commands;

/// <summary>
/// <c>labrunner class &lt;lab&gt;</c>: every learner's progress from one read of the account. On a terminal without
/// <c>--format</c> it is a live grid refreshed every <c>--watch</c> seconds; otherwise the chosen format, once.
/// It only reads: it is handed a <see cref="Rds.ReadOnlyRdsApi"/> and plans without actions, and binds no <c>--var</c>.
/// </summary>
public static class ClassCommand
{
    private static readonly Option<string?> Roster = new("--roster")
    {
        Description = "The class roster: one learner's name a line, or a CSV whose header names the lab's variables.",
        HelpName = "file",
    };

    private static readonly Option<bool> Discover = new("--discover")
    {
        Description = "Also find learners by their resources, inverting the lab's resource names (the default without --roster).",
    };

    private static readonly Option<string[]> Passes = new("--passes")
    {
        Description = "Read the class from learners' progress passes (labrunner pass): folders of them, or files; no credentials needed.",
        HelpName = "dir|files",
        AllowMultipleArgumentsPerToken = true,
        Arity = ArgumentArity.ZeroOrMore,
    };

    private static readonly Option<ClassFormat?> Format = new("--format")
    {
        Description = "table, json, csv, markdown or junit, printed once (the default when the output is not a terminal: table).",
        CustomParser = result => EnumOption.Parse<ClassFormat>(result, "--format"),
        HelpName = "table|json|csv|markdown|junit",
        CompletionSources = { "table", "json", "csv", "markdown", "junit" },
    };

    private static readonly Option<int> Watch = new("--watch")
    {
        Description = "Seconds between refreshes of the live grid (1 to 3600).",
        HelpName = "seconds",
        DefaultValueFactory = _ => 10,
        CustomParser = ParseWatch,
    };

    private static readonly Option<int> StuckAfter = new("--stuck-after")
    {
        Description = "Minutes without a change after which an unfinished learner shows as stuck (1 to 1440).",
        HelpName = "minutes",
        DefaultValueFactory = _ => (int)ClassRoom.DefaultStuckAfter.TotalMinutes,
        CustomParser = ParseStuckAfter,
    };

    private static readonly Option<bool> Optional = new("--optional")
    {
        Description = "Also show the lab's optional steps (one column in the grid). Their reads may cost a request per learner's resource.",
    };

    public static Command Create(CliTerminal terminal)
    {
        var command = new Command("class", "Show every learner's progress on a lab, read-only, from one read of the account.")
        {
            LabInvocation.LabPath,
            Roster,
            Discover,
            Passes,
            Format,
            Watch,
            StuckAfter,
            Optional,
            SessionOptions.Target,
            SessionOptions.Endpoint,
            SessionOptions.Profile,
            SessionOptions.Region,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(parse, terminal, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CliTerminal terminal, CancellationToken cancellationToken)
    {
        var lab = LabInvocation.LoadLab(parse.GetValue(LabInvocation.LabPath)!);
        var options = SessionOptions.TargetOf(parse);
        if (options.Problem is { } contradiction)
            throw CliFailure.Usage(contradiction);
        if (parse.GetValue(Passes) is { Length: > 0 } passes)
        {
            if (parse.GetValue(Roster) is not null || parse.GetValue(Discover))
                throw CliFailure.Usage("--passes: the passes name the learners; leave out --roster and --discover");
            return await RunPassesAsync(parse, terminal, lab, passes, options, cancellationToken);
        }
        IReadOnlyList<ClassLearner> roster = [];
        if (parse.GetValue(Roster) is { } rosterPath)
        {
            var read = RosterReader.Read(lab, rosterPath, CheckKinds.Default);
            if (!read.Succeeded)
                throw CliFailure.Usage(string.Join(Environment.NewLine, read.Problems.Prepend($"--roster {rosterPath}: the roster cannot be used:").Select(VisibleText.Of)));
            roster = read.Learners;
        }
        var discover = parse.GetValue(Discover) || parse.GetValue(Roster) is null;
        var dataDirectory = DataDirectory.Resolve(parse.GetValue(GlobalOptions.DataDir));
        await using var target = await TargetConnection.ConnectAsync(options, dataDirectory, cancellationToken);
        var room = new ClassRoom(lab, roster, discover, target.ReadOnly, CheckKinds.Default, stuckAfter: StuckAfterOf(parse), optional: parse.GetValue(Optional));
        var board = await ShowAsync(parse, terminal, room, target.Stats, lab, target.Info, cancellationToken);
        if (board?.FailureText is { } failure)
        {
            parse.InvocationConfiguration.Error.WriteLine(VisibleText.Of($"labrunner: could not read the class from {target.Info.Description}: {failure}"));
            return ExitCodes.Target;
        }
        return ExitCodes.Ok;
    }

    private static int ParseStuckAfter(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) && minutes is >= 1 and <= 1440)
            return minutes;
        result.AddError($"--stuck-after '{VisibleText.Of(text)}' is not a whole number of minutes from 1 to 1440");
        return (int)ClassRoom.DefaultStuckAfter.TotalMinutes;
    }

    private static TimeSpan StuckAfterOf(ParseResult parse) => TimeSpan.FromMinutes(parse.GetValue(StuckAfter));

    /// <summary>
    /// The class from passes: no target of its own, only the passes' requests replayed, to RDS's regional endpoints or
    /// the one <c>--endpoint</c> names; <c>--region</c> marks passes made elsewhere as foreign. Unreadable passes are
    /// listed and make the exit 2, after the others are shown.
    /// </summary>
    private static async Task<int> RunPassesAsync(ParseResult parse, CliTerminal terminal, Lab lab, string[] paths, TargetOptions options, CancellationToken cancellationToken)
    {
        var (read, fileProblems) = PassFiles.Read(paths);
        var hosts = new PassHosts(options.Endpoint);
        using var replayer = new PassReplayer(hosts, options.Region);
        var (passes, bindProblems) = PassRoster.Bind(lab, read, replayer.For);
        var problems = fileProblems.Concat(bindProblems).ToList();
        if (passes.Count == 0)
            throw CliFailure.Usage(string.Join(Environment.NewLine, problems.Prepend($"--passes {string.Join(' ', paths)}: no pass for {lab.Id} to read").Select(VisibleText.Of)));
        var target = new TargetInfo(TargetKind.Aws, hosts.EndpointFor(options.Region ?? passes[0].Target.Region ?? "us-east-1"), options.Region, CredentialSource: "progress passes");
        await ShowAsync(parse, terminal, new PassClass(lab, passes, replayer.Stats, stuckAfter: StuckAfterOf(parse), optional: parse.GetValue(Optional)), replayer.Stats, lab, target, cancellationToken);
        foreach (var problem in problems)
            parse.InvocationConfiguration.Error.WriteLine(VisibleText.Of($"labrunner: skipped {problem}"));
        return problems.Count == 0 ? ExitCodes.Ok : ExitCodes.Usage;
    }

    /// <summary>The live grid on a terminal without --format (null returned), else the board printed once.</summary>
    private static async Task<ClassBoard?> ShowAsync(ParseResult parse, CliTerminal terminal, IClassReader room, RdsCallStats stats, Lab lab, TargetInfo target, CancellationToken cancellationToken)
    {
        var format = parse.GetValue(Format);
        if (format is null && terminal.OutputIsTerminal)
        {
            var monitor = new ClassMonitor(room, stats);
            monitor.Faulted += exception => ErrorLog.Write(exception, parse.GetValue(GlobalOptions.DataDir));
            await ClassView.RunAsync(monitor, lab.Title, target, TimeSpan.FromSeconds(parse.GetValue(Watch)));
            return null;
        }
        var board = await room.RefreshAsync(cancellationToken);
        ClassReports.Write(format ?? ClassFormat.Table, board, target, parse.InvocationConfiguration.Output);
        return board;
    }

    private static int ParseWatch(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 1 and <= 3600)
            return seconds;
        result.AddError($"--watch '{text}' is not a whole number of seconds from 1 to 3600");
        return 10;
    }
}
