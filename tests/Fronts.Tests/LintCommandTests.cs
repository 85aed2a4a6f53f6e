using LabRunner.Cli;
using LabRunner.TestSupport;

namespace LabRunner.Fronts.Tests;

public sealed class LintCommandTests
{
    private static readonly string AuroraBackup = Repository.PathOf("labs", "aurora-backup");

    [Fact]
    public async Task The_aurora_lab_lints_clean()
    {
        var (exit, output, error) = await Run("lint", AuroraBackup);

        Assert.Equal((ExitCodes.Ok, "", $"{AuroraBackup}: 0 errors, 0 warnings\n"), (exit, error, output));
    }

    [Fact]
    public async Task A_lab_with_errors_exits_1_with_each_finding_located()
    {
        var (exit, output, _) = await Run("lint", Repository.PathOf("tests", "broken-labs", "unknown-key"));

        Assert.Equal(ExitCodes.NotPassed, exit);
        Assert.Contains("unknown-key/lab.yaml:17:9: error LR004: unknown key 'hnit' in step (did you mean 'hint'?)\n", output);
    }

    [Fact]
    public async Task A_lab_that_cannot_be_read_exits_2_even_beside_a_clean_one()
    {
        var (exit, output, error) = await Run("lint", AuroraBackup, "no/such/lab");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("no/such/lab:1:1: error LR001: no lab at no/such/lab: there is no such folder or file\n", output);
        Assert.DoesNotContain("   at ", output + error);
    }

    [Fact]
    public async Task Lint_without_a_lab_is_a_usage_error()
    {
        var (exit, _, error) = await Run("lint");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("Required argument missing for command: 'lint'.", error);
    }

    private static async Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
