using System.CommandLine;
using LabRunner.Cli.Labs;
using LabRunner.Content.Import;
using LabRunner.Content.Text;

namespace LabRunner.Cli.Commands;

/// <summary><c>labrunner import PAGE.md [--out labs/NAME]</c>: a workshop page turned into a lab skeleton (see <see cref="LabImporter"/>).</summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var page = new Argument<string>("page") { Description = "A mkdocs-material workshop page (Markdown) to turn into a lab." };
        var output = new Option<string?>("--out") { Description = "The new lab's folder, new or empty (default: labs/ID, ID made from the page's title)." };
        var command = new Command("import", "Turn a workshop page into a lab skeleton: sections, steps with their pages, variables, resources and suggested checks.")
        {
            page,
            output,
        };
        command.SetAction(parse => Run(parse.GetRequiredValue(page), parse.GetValue(output), parse.InvocationConfiguration.Output));
        return command;
    }

    private static int Run(string page, string? outFolder, TextWriter output)
    {
        if (outFolder is null)
        {
            var (planned, problem) = LabImporter.Plan(page, null);
            outFolder = Path.Join(LabLibrary.LocalFolder, planned?.Id ?? throw CliFailure.Usage($"cannot import {page}: {problem}"));
        }
        var result = LabImporter.Import(page, outFolder);
        if (result.Lab is not { } lab)
            throw CliFailure.Usage($"cannot import {page}: {result.Problem}");
        var steps = lab.Sections.SelectMany(section => section.Steps).ToList();
        output.WriteLine(VisibleText.Of($"wrote {result.Written.Count} files to {outFolder}: {lab.Sections.Count} sections, {steps.Count} steps ({steps.Count(step => step.Suggestion is not null)} with suggested checks)"));
        foreach (var missing in result.MissingFiles)
            output.WriteLine(VisibleText.Of($"not found beside the page, copy it into the lab or drop it: {missing}"));
        output.WriteLine(VisibleText.Of($"review the lines marked 'suggested' in {Path.Join(outFolder, "lab.yaml")}, then: labrunner lint {outFolder}"));
        return ExitCodes.Ok;
    }
}
