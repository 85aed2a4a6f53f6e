using System.CommandLine;
using LabRunner.Cli.Labs;
using LabRunner.Content.Loading;
using LabRunner.Content.Text;

namespace LabRunner.Cli.Commands;

/// <summary><c>labrunner labs list|export</c>: the labs labrunner can find, and a built-in lab copied out for editing.</summary>
public static class LabsCommand
{
    public static Command Create()
    {
        var list = new Command("list", "List the labs labrunner finds: in ./labs and built in.");
        list.SetAction(parse => List(parse.InvocationConfiguration.Output));

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

    private static int List(TextWriter output)
    {
        foreach (var folder in new LabLibrary().Folders.Where(Directory.Exists))
        {
            foreach (var lab in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
            {
                if (!File.Exists(Path.Combine(lab, LabLoader.ManifestFileName)))
                    continue;
                var loaded = LabLoader.Load(lab).Lab;
                var origin = folder == LabLibrary.LocalFolder ? lab : "built in";
                output.WriteLine(VisibleText.Of($"{Path.GetFileName(lab),-24} {loaded?.Title ?? "(cannot be loaded: run labrunner lint " + lab + ")"}  [{origin}]"));
            }
        }
        return ExitCodes.Ok;
    }

    private static int Export(string name, string? destination, TextWriter output)
    {
        var target = destination is null ? Path.Combine(LabLibrary.LocalFolder, name)
            : Directory.Exists(destination) ? Path.Combine(destination, name)
            : destination;
        if (Directory.Exists(target) || File.Exists(target))
            throw CliFailure.Usage($"{target} already exists; name another folder, or move it aside first");
        var written = BuiltInLabs.Export(name, target);
        output.WriteLine($"wrote {written.Count} files to {target}");
        output.WriteLine($"edit them, then: labrunner lint {target}");
        return ExitCodes.Ok;
    }
}
