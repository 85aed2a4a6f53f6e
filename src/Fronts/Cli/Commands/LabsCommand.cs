using System.CommandLine;
using LabRunner.Cli.Labs;
using LabRunner.Content.Text;
using LabRunner.Tui.Labs;

namespace LabRunner.Cli.Commands;

/// <summary><c>labrunner labs list|export</c>: the labs labrunner can find, and a built-in lab copied out for editing.</summary>
public static class LabsCommand
{
    public static Command Create()
    {
        var list = new Command("list", "List the labs labrunner finds: in ./labs and built in.");
        list.SetAction(parse => List(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));

        var name = new Argument<string>("name") { Description = "A built-in lab, e.g. aurora-backup." };
        name.AcceptOnlyFromAmong([.. BuiltInLabs.Names]);
        var destination = new Argument<string?>("dir")
        {
            Description = "Where to write it: a new folder, or an existing one to write NAME/ into (default: labs/NAME, which labrunner then uses instead of the built-in lab).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var export = new Command("export", "Copy a built-in lab out as files, to read or edit.") { name, destination };
        export.SetAction(parse => Export(parse.GetValue(name)!, parse.GetValue(destination), parse.InvocationConfiguration.Output));

        return new Command("labs", "The labs labrunner knows: list them, or export a built-in one to edit.") { list, export };
    }

    /// <summary>One line a lab, as run and check would find it: a lab in ./labs stands in for the built-in one of the same id.</summary>
    private static int List(TextWriter output, TextWriter error)
    {
        var library = new LabLibrary();
        foreach (var entry in LabCatalog.Load(library.Folders))
        {
            var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(entry.Folder));
            var title = entry.Lab?.Title ?? $"(cannot be loaded: labrunner lint {entry.Folder})";
            var origin = LabLibrary.IsBuiltIn(entry.Folder) ? "built in" : entry.Folder;
            output.WriteLine(VisibleText.Of($"{name,-24} {title}  [{origin}]"));
        }
        if (library.BuiltInProblem is { } problem)
            error.WriteLine(VisibleText.Of($"labrunner: warning: {problem}"));
        return ExitCodes.Ok;
    }

    private static int Export(string name, string? destination, TextWriter output)
    {
        var target = destination is null ? Path.Combine(LabLibrary.LocalFolder, name)
            : Directory.Exists(destination) ? Path.Combine(destination, name)
            : destination;
        if (Directory.Exists(target) || File.Exists(target))
            throw CliFailure.Usage($"{target} already exists; name another folder, or move it aside first");
        IReadOnlyList<string> written;
        try
        {
            written = BuiltInLabs.Export(name, target);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw CliFailure.Usage($"{target} cannot be written: {exception.Message}");
        }
        output.WriteLine($"wrote {written.Count} files to {target}");
        output.WriteLine($"edit them, then: labrunner lint {target}");
        return ExitCodes.Ok;
    }
}
