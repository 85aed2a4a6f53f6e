using LabRunner.Cli;
using LabRunner.Fronts.Tests.Check;
using LabRunner.TestSupport;

namespace LabRunner.Fronts.Tests.Run;

/// <summary>
/// <c>labrunner run</c> and <c>labrunner</c> alone when the output is not a terminal (as in these tests) or with
/// --plain: the check report instead of the UI, and usage errors before anything starts.
/// </summary>
public sealed class RunCommandTests : IDisposable
{
    private readonly TempDirectory data = new();

    [Fact]
    public async Task Run_with_plain_prints_the_check_report_of_the_named_lab_on_the_sandbox()
    {
        var run = await CliRun.RunAsync(["run", "aurora-backup", "--plain", .. Common("alice")]);

        Assert.Equal(ExitCodes.NotPassed, run.ExitCode);
        Assert.Contains("Aurora backups and snapshots (aurora-backup)", run.Output);
        Assert.Contains("SANDBOX", run.Output);
        Assert.Matches(@"✓ find-cluster +passed", run.Output);
        Assert.Matches(@"✗ take-snapshot +failed +snapshot aurora-alice-snap1 not found", run.Output);
        Assert.Contains("1 of 4 checked steps passed; optional: 0 of 3 done.", run.Output);
    }

    [Fact]
    public async Task Labrunner_alone_with_output_not_a_terminal_reports_the_only_lab_found()
    {
        var run = await CliRun.RunAsync(Common("bob").ToArray());

        Assert.Equal(ExitCodes.NotPassed, run.ExitCode);
        Assert.Matches(@"✓ find-cluster +passed +cluster aurora-bob-cluster is available", run.Output);
    }

    [Fact]
    public async Task An_unknown_lab_is_a_usage_error_naming_where_it_was_looked_for()
    {
        var run = await CliRun.RunAsync(["run", "aurora-bakup", "--plain", .. Common("alice")]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("no lab 'aurora-bakup'", run.Error);
        Assert.Contains(Repository.PathOf("labs"), run.Error);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task Several_labs_and_no_name_is_a_usage_error_listing_them()
    {
        using var labs = new TempDirectory();
        foreach (var copy in new[] { "first", "second" })
        {
            TempDirectory.CopyTree(Repository.PathOf("labs", "aurora-backup"), Path.Combine(labs.Path, copy));
            // A lab id found twice is listed once (an edited copy stands in for the built-in lab), so each copy gets its own.
            var manifest = Path.Combine(labs.Path, copy, "lab.yaml");
            File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("id: aurora-backup", $"id: aurora-backup-{copy}"));
        }

        var run = await CliRun.RunAsync(["--labs", labs.Path, "--data-dir", data.Path, "--var", "yourname=alice"]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("several labs", run.Error);
        Assert.Contains("labrunner run <lab> --plain", run.Error);
    }

    [Fact]
    public async Task Contradicting_target_options_are_a_usage_error_before_anything_starts()
    {
        var run = await CliRun.RunAsync(["run", "aurora-backup", "--target", "sandbox", "--endpoint", "http://127.0.0.1:9/", .. Common("alice")]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--target sandbox runs LabRunner's own sandbox", run.Error);
    }

    private IEnumerable<string> Common(string name) =>
        ["--labs", Repository.PathOf("labs"), "--data-dir", data.Path, "--var", $"yourname={name}"];

    public void Dispose() => data.Dispose();
}
