using System.Text.Json;
using LabRunner.TestSupport;

namespace LabRunner.Fronts.Tests.Shipping;

/// <summary>The labs travel inside the binary: it works from any folder, and a built-in lab can be copied out to edit.</summary>
public sealed class BuiltInLabsTests : IDisposable
{
    private readonly TempDirectory home = new();
    private readonly TempDirectory emptyFolder = new();

    public void Dispose()
    {
        home.Dispose();
        emptyFolder.Dispose();
    }

    private Task<ProcessResult> LabRunner(params string[] arguments) => LabRunnerBinary.RunAsync(emptyFolder.Path, home.Path, arguments);

    [Fact]
    public async Task A_built_in_lab_is_linted_and_checked_by_name_from_a_folder_without_labs()
    {
        var lint = await LabRunner("lint", "aurora-backup");
        Assert.True(lint.ExitCode == 0, lint.ToString());
        Assert.Matches(@"aurora-backup: 0 errors, \d+ warnings?", lint.StandardOutput);

        var check = await LabRunner("check", "aurora-backup", "--var", "yourname=alice", "--format", "json");
        Assert.True(check.ExitCode == 1, check.ToString());
        using var report = JsonDocument.Parse(check.StandardOutput);
        var steps = report.RootElement.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal("passed", steps.Single(step => step.GetProperty("id").GetString() == "find-cluster").GetProperty("status").GetString());
        Assert.Equal(5, steps.Count(step => !step.TryGetProperty("optional", out _)));
    }

    [Fact]
    public async Task The_built_in_labs_are_listed_and_an_unknown_name_says_what_there_is()
    {
        var list = await LabRunner("labs", "list");
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Matches(@"aurora-backup\s+Aurora backups and snapshots\s+\[built in\]", list.StandardOutput);

        var unknown = await LabRunner("check", "aurora-backpu", "--var", "yourname=alice");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("no lab 'aurora-backpu'", unknown.StandardError);
        Assert.Contains("built in (aurora-backup)", unknown.StandardError);
    }

    [Fact]
    public async Task An_exported_lab_is_the_shipped_lab_and_then_stands_in_for_it()
    {
        var export = await LabRunner("labs", "export", "aurora-backup");
        Assert.True(export.ExitCode == 0, export.ToString());
        var exported = Path.Combine(emptyFolder.Path, "labs", "aurora-backup");
        var shipped = Repository.PathOf("labs", "aurora-backup");
        var shippedFiles = Directory.EnumerateFiles(shipped, "*", SearchOption.AllDirectories).Select(file => Path.GetRelativePath(shipped, file)).Order().ToList();
        var exportedFiles = Directory.EnumerateFiles(exported, "*", SearchOption.AllDirectories).Select(file => Path.GetRelativePath(exported, file)).Order().ToList();
        Assert.Equal(shippedFiles, exportedFiles);
        foreach (var file in shippedFiles)
            Assert.Equal(File.ReadAllBytes(Path.Combine(shipped, file)), File.ReadAllBytes(Path.Combine(exported, file)));

        File.WriteAllText(Path.Combine(exported, "lab.yaml"), File.ReadAllText(Path.Combine(exported, "lab.yaml")).Replace("title: Aurora backups and snapshots", "title: Our own Aurora lab"));
        var list = await LabRunner("labs", "list");
        Assert.Contains("Our own Aurora lab", list.StandardOutput);
        var lint = await LabRunner("lint", "aurora-backup");
        Assert.Contains(Path.Combine("labs", "aurora-backup"), lint.StandardOutput);

        var again = await LabRunner("labs", "export", "aurora-backup");
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("already exists", again.StandardError);
        Assert.Contains("Our own Aurora lab", File.ReadAllText(Path.Combine(exported, "lab.yaml")));
    }

    [Fact]
    public async Task Export_names_its_choices_when_the_lab_is_unknown()
    {
        var export = await LabRunner("labs", "export", "aurora-bakcup", "somewhere");
        Assert.Equal(2, export.ExitCode);
        Assert.Contains("aurora-backup", export.StandardError);
        Assert.False(Directory.Exists(Path.Combine(emptyFolder.Path, "somewhere")));
    }

    [Fact]
    public async Task Export_to_a_place_that_cannot_be_written_says_so()
    {
        File.WriteAllText(Path.Combine(emptyFolder.Path, "a-file"), "");

        var export = await LabRunner("labs", "export", "aurora-backup", Path.Combine("a-file", "lab"));

        Assert.Equal(2, export.ExitCode);
        Assert.Contains("cannot be written", export.StandardError);
        Assert.DoesNotContain("unexpected error", export.StandardError);
    }

    [Fact]
    public async Task The_version_comes_from_git()
    {
        var version = await LabRunner("--version");
        Assert.True(version.ExitCode == 0, version.ToString());
        Assert.Matches(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.]+)?(\+[0-9a-f]+)?\s*$", version.StandardOutput);
        Assert.DoesNotMatch(@"^1\.0\.0\s*$", version.StandardOutput);
    }
}
