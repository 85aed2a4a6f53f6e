using System.CommandLine;
using LabRunner.Cli.Labs;
using LabRunner.Content.Files;
using LabRunner.Content.Lint;
using LabRunner.Content.Text;

namespace LabRunner.Cli.Commands;

/// <summary><c>labrunner lint &lt;lab&gt;...</c>: one line per finding, <c>path:line:col: error|warning CODE: message</c>.</summary>
public static class LintCommand
{
    public static Command Create()
    {
        var labs = new Argument<string[]>("lab")
        {
            Description = "Labs to check: folders, lab.yaml files, or names of labs in ./labs or built in.",
            Arity = ArgumentArity.OneOrMore,
        };
        var watch = new Option<bool>("--watch") { Description = "Lint again each time a lab's files are saved, until Ctrl-C." };
        var command = new Command("lint", "Check labs without touching AWS: manifest, kinds, placeholders, pages, links and images.")
        {
            labs,
            watch,
        };
        command.SetAction((parseResult, cancellationToken) => parseResult.GetValue(watch)
            ? WatchAsync(parseResult.GetRequiredValue(labs), parseResult.InvocationConfiguration.Output, TimeProvider.System, LabWatcher.DefaultQuiet, cancellationToken)
            : Task.FromResult(Run(parseResult.GetRequiredValue(labs), parseResult.InvocationConfiguration.Output)));
        return command;
    }

    /// <summary>
    /// Lints, then again after each save in any of the labs' folders (a burst of file events is one save, after
    /// <paramref name="quiet"/>), until cancelled (Ctrl-C). A lab that cannot be read is reported and watched like the others.
    /// </summary>
    public static async Task<int> WatchAsync(IReadOnlyList<string> labPaths, TextWriter output, TimeProvider time, TimeSpan quiet, CancellationToken cancellationToken)
    {
        var library = new LabLibrary();
        var resolved = labPaths.Select(library.Resolve).ToList();
        var saves = System.Threading.Channels.Channel.CreateUnbounded<bool>();
        var watchers = resolved.Select(FolderOf).Where(Directory.Exists).Distinct(StringComparer.Ordinal)
            .Select(folder => new LabWatcher(folder, time, quiet)).ToList();
        try
        {
            foreach (var watcher in watchers)
                watcher.Changed += () => saves.Writer.TryWrite(true);
            Run(resolved, output);
            output.WriteLine("watching for changes; Ctrl-C stops");
            while (true)
            {
                await saves.Reader.ReadAsync(cancellationToken);
                while (saves.Reader.TryRead(out _))
                {
                }
                output.WriteLine("── changed: linting again ──");
                Run(resolved, output);
            }
        }
        finally
        {
            foreach (var watcher in watchers)
                watcher.Dispose();
        }
    }

    /// <summary>The folder a lab path names: itself, or the folder of its lab.yaml.</summary>
    private static string FolderOf(string labPath) =>
        Directory.Exists(labPath) ? labPath : Path.GetDirectoryName(Path.GetFullPath(labPath)) ?? ".";

    /// <returns>0 when clean or warnings only, 1 when any lab has errors, 2 when a lab cannot be read.</returns>
    public static int Run(IEnumerable<string> labPaths, TextWriter output)
    {
        var library = new LabLibrary();
        var reports = labPaths.Select(path => LabLinter.Lint(library.Resolve(path))).ToList();
        foreach (var report in reports)
        {
            foreach (var finding in report.Findings)
                output.WriteLine(VisibleText.Of(finding.ToString()));
            output.WriteLine(VisibleText.Of($"{report.LabPath}: {Count(report.Errors, "error")}, {Count(report.Warnings, "warning")}"));
        }
        if (reports.Any(report => !report.CouldRead))
            return ExitCodes.Usage;
        return reports.Any(report => report.Errors > 0) ? ExitCodes.NotPassed : ExitCodes.Ok;
    }

    private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
}
