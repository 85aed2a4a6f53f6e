using System.CommandLine;
using LabRunner.Cli.Classroom;
using LabRunner.Cli.Labs;
using LabRunner.Cli.Reports;
using LabRunner.Cli.Targets;
using LabRunner.Content.Text;
using LabRunner.Engine.Actions;
using LabRunner.Engine.Targets;
using LabRunner.Tui;
using LabRunner.Tui.Hosting;
using LabRunner.Tui.Labs;

namespace LabRunner.Cli.Commands;

/// <summary>
/// <c>labrunner</c> or <c>labrunner run [lab]</c>: the guided lab in the terminal UI. When standard output is not a
/// terminal, or with <c>--plain</c>, it prints what <c>labrunner check</c> prints instead.
/// </summary>
public static class RunCommand
{
    private static readonly Argument<string?> Lab = new("lab")
    {
        Description = "A lab to open at once: its folder (e.g. labs/aurora-backup), its id, or its name (e.g. aurora-backup). Without it, a picker lists the labs.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private static readonly Option<string[]> Labs = new("--labs")
    {
        Description = "Another folder of labs for the picker (labs/ in the current directory and the built-in labs are always searched).",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private static readonly Option<bool> Plain = new("--plain")
    {
        Description = "Print the check output instead of starting the UI (as when output is not a terminal).",
    };

    private static readonly Option<bool> Watch = new("--watch")
    {
        Description = "For lab authors: reload the lab's manifest and pages each time one is saved, keeping your place.",
    };

    public static Command Create(CliTerminal terminal)
    {
        var command = new Command("run", "Open a lab in the terminal UI (the default when labrunner is run without a command).") { Lab };
        AddOptions(command);
        command.SetAction((parse, cancellationToken) => RunAsync(parse, parse.GetValue(Lab), terminal, cancellationToken));
        return command;
    }

    /// <summary>Makes <c>labrunner</c> alone (with the same options, no lab argument) start the UI.</summary>
    public static void AttachTo(RootCommand root, CliTerminal terminal)
    {
        AddOptions(root);
        root.SetAction((parse, cancellationToken) => RunAsync(parse, null, terminal, cancellationToken));
    }

    private static void AddOptions(Command command)
    {
        command.Options.Add(Labs);
        command.Options.Add(Plain);
        command.Options.Add(Watch);
        SessionOptions.AddTo(command);
    }

    private static async Task<int> RunAsync(ParseResult parse, string? lab, CliTerminal terminal, CancellationToken cancellationToken)
    {
        var target = SessionOptions.TargetOf(parse);
        if (target.Problem is { } contradiction)
            throw CliFailure.Usage(contradiction);
        var folders = LabFolders(parse);
        if (parse.GetValue(Plain) || !terminal.OutputIsTerminal)
            return await PrintCheckAsync(parse, lab, folders, terminal, cancellationToken);

        var dataDirectoryOption = parse.GetValue(GlobalOptions.DataDir);
        var dataDirectory = DataDirectory.Resolve(dataDirectoryOption);
        var joined = StoredTargets.For(target, dataDirectory);
        var result = LabRunnerTui.Run(new TuiOptions
        {
            LabFolders = folders,
            Lab = lab,
            Variables = SessionOptions.VariablesOf(parse),
            Learner = joined?.Learner,
            TargetKind = joined is null ? target.ResolvedKind : TargetKind.Aws,
            Connect = token => TuiTarget.ConnectAsync(target, dataDirectory, token),
            DataDirectory = dataDirectory,
            LogUnexpected = exception => ErrorLog.Write(exception, dataDirectoryOption),
            Watch = parse.GetValue(Watch),
        });
        switch (result.End)
        {
            case TuiEnd.UsageError:
                throw CliFailure.Usage(result.Message!);
            case TuiEnd.TargetError:
                throw CliFailure.Target(result.Message!);
        }
        if (result.Saved is { } saved)
            parse.InvocationConfiguration.Output.WriteLine(SavedMessage(saved, parse));
        return ExitCodes.Ok;
    }

    /// <summary>Where the learner's progress is and the command that resumes it, with the options they gave (target, data folder).</summary>
    public static string SavedMessage(SavedProgress saved, ParseResult parse)
    {
        // A built-in lab is named, not pathed: its cache folder belongs to this version of labrunner.
        var lab = LabLibrary.IsBuiltIn(saved.LabDirectory) ? Path.GetFileName(Path.TrimEndingDirectorySeparator(saved.LabDirectory)) : DisplayPath(saved.LabDirectory);
        var words = new List<string> { "labrunner", "run", AwsCliCommand.Quote(lab) };
        words.AddRange(saved.NameVariables.Select(pair => $"--var {AwsCliCommand.Quote($"{pair.Key}={pair.Value}")}"));
        foreach (var option in new Option[] { SessionOptions.Target, SessionOptions.Endpoint, SessionOptions.Profile, SessionOptions.Region, GlobalOptions.DataDir })
        {
            if (parse.GetResult(option) is { Implicit: false } given)
                words.AddRange(given.Tokens.Select(token => $"{option.Name} {AwsCliCommand.Quote(token.Value)}"));
        }
        return $"Your progress in {VisibleText.Of(saved.LabTitle)} is saved in\n  {saved.ProgressFile}\nTo resume where you left off, run\n  {string.Join(' ', words)}\nor run labrunner again and pick the lab.";
    }

    private static string DisplayPath(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }

    private static IReadOnlyList<string> LabFolders(ParseResult parse) => new LabLibrary(parse.GetValue(Labs)).Folders;

    /// <summary>The check report of the named lab, or of the only lab found; several labs and no name is a usage error.</summary>
    private static async Task<int> PrintCheckAsync(ParseResult parse, string? reference, IReadOnlyList<string> folders, CliTerminal terminal, CancellationToken cancellationToken)
    {
        var catalog = LabCatalog.Load(folders);
        LabEntry entry;
        if (reference is not null)
        {
            entry = LabCatalog.Find(reference, catalog)
                ?? throw CliFailure.Usage(LabCatalog.NotFound(reference, folders));
        }
        else if (catalog.Count == 1)
        {
            entry = catalog[0];
        }
        else
        {
            throw CliFailure.Usage(catalog.Count == 0
                ? $"no labs in {string.Join(", ", folders)}; give a folder of labs with --labs DIR"
                : $"several labs ({string.Join(", ", catalog.Select(found => found.Lab?.Id ?? found.Folder))}); name one: labrunner run <lab> --plain");
        }
        await using var opened = await LabInvocation.OpenAsync(entry.Folder, SessionOptions.VariablesOf(parse), parse, cancellationToken);
        return await CheckCommand.ReportAsync(opened.Session, wait: false, ReportFormat.Text, parse.InvocationConfiguration, terminal.Color, cancellationToken);
    }
}
