using System.CommandLine;
using LabRunner.Cli.Labs;
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
        var command = new Command("lint", "Check labs without touching AWS: manifest, kinds, placeholders, pages, links and images.")
        {
            labs,
        };
        command.SetAction(parseResult => Run(parseResult.GetRequiredValue(labs), parseResult.InvocationConfiguration.Output));
        return command;
    }

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
