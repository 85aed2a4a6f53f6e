using LabRunner.Cli;

namespace LabRunner.Fronts.Tests.Check;

/// <summary>Typos on the command line get System.CommandLine's own suggestions, and --help names values as they are typed.</summary>
public sealed class UsageSuggestionTests
{
    [Fact]
    public async Task A_typo_d_command_suggests_the_right_one()
    {
        var run = await CliRun.RunAsync(["chek", CheckScenarios.LabPath]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("labrunner: 'chek' was not matched. Did you mean one of the following?\nlabrunner: check\n", run.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task A_typo_d_target_lists_the_values_it_takes()
    {
        var run = await CliRun.RunAsync(["check", CheckScenarios.LabPath, "--target", "awz"]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("labrunner: Argument 'awz' not recognized. Must be one of:\nlabrunner: 'aws'\nlabrunner: 'sandbox'\n", run.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Help_names_the_target_values_once_each_in_lower_case()
    {
        var run = await CliRun.RunAsync(["check", "--help"]);

        Assert.Contains("--target <aws|sandbox>", run.Output);
        Assert.DoesNotContain("Aws|", run.Output);
    }
}
