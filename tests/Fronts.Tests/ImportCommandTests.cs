using LabRunner.Cli;
using LabRunner.TestSupport;

namespace LabRunner.Fronts.Tests;

/// <summary><c>labrunner import</c> as a user runs it: the imported seed page passes the real <c>lint</c> command; bad input exits 2 with a message.</summary>
public sealed class ImportCommandTests : IDisposable
{
    private static readonly string Seed = Repository.PathOf("tests", "import-pages", "aurora-workshop.md");

    private readonly TempDirectory scratch = new();

    private string Out => Path.Join(scratch.Path, "labs", "aurora-import");

    [Fact]
    public async Task The_imported_seed_page_passes_lint_with_no_errors()
    {
        var import = await Run("import", Seed, "--out", Out);
        var lint = await Run("lint", Out);

        Assert.Equal((ExitCodes.Ok, ""), (import.Exit, import.Error));
        Assert.StartsWith($"wrote 7 files to {Out}: 2 sections, 5 steps (4 with suggested checks)\n", import.Output);
        Assert.Contains($"then: labrunner lint {Out}", import.Output);
        Assert.Equal(ExitCodes.Ok, lint.Exit);
        Assert.EndsWith($"{Out}: 0 errors, 6 warnings\n", lint.Output);
    }

    [Fact]
    public async Task A_page_that_cannot_be_imported_exits_2_naming_it_and_why()
    {
        var page = Path.Join(scratch.Path, "notes.md");
        await File.WriteAllTextAsync(page, "No headings here.\n");

        var run = await Run("import", page, "--out", Out);

        Assert.Equal(ExitCodes.Usage, run.Exit);
        Assert.StartsWith($"labrunner: cannot import {page}: {page}: it has no '## ' headings", run.Error);
        Assert.DoesNotContain("   at ", run.Output + run.Error);
    }

    [Fact]
    public async Task A_folder_that_is_not_empty_exits_2_and_is_left_alone()
    {
        Directory.CreateDirectory(Out);
        await File.WriteAllTextAsync(Path.Join(Out, "lab.yaml"), "mine");

        var run = await Run("import", Seed, "--out", Out);

        Assert.Equal(ExitCodes.Usage, run.Exit);
        Assert.Contains("already exists and is not an empty folder", run.Error);
        Assert.Equal("mine", await File.ReadAllTextAsync(Path.Join(Out, "lab.yaml")));
    }

    public void Dispose() => scratch.Dispose();

    private static async Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
