using LabRunner.Cli;
using LabRunner.Cli.Commands;
using LabRunner.TestSupport;
using LabRunner.TestSupport.Peers;

namespace LabRunner.Fronts.Tests;

public sealed class SandboxEnvTests : IDisposable
{
    private readonly string data = Directory.CreateTempSubdirectory("labrunner-env-").FullName;

    public void Dispose() => Directory.Delete(data, recursive: true);

    [PeerFact(RealPeer.AwsCli)]
    public async Task A_script_that_evals_sandbox_env_drives_the_real_AWS_CLI_against_the_running_serve()
    {
        await using var server = await SandboxProcess.StartAsync("--data-dir", data, "--lab", Repository.PathOf("labs", "aurora-backup"), "--learners", "alice");
        // A learner's own setup (a profile, a session token, us-east-1) must not get in the way.
        var environment = new Dictionary<string, string>(AwsCli.Environment())
        {
            ["AWS_PROFILE"] = "work",
            ["AWS_SESSION_TOKEN"] = "stale",
            ["LABRUNNER"] = LabRunnerBinary.Path,
            ["DATA"] = data,
        };
        const string script = """
            set -e
            eval "$("$LABRUNNER" --data-dir "$DATA" sandbox env)"
            aws rds describe-db-clusters --query 'DBClusters[].DBClusterIdentifier' --output text
            """;

        var result = await ExternalProcess.RunAsync("bash", ["-c", script], environment, TimeSpan.FromSeconds(60));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("aurora-alice-cluster", result.StandardOutput.Trim());
    }

    [Fact]
    public async Task The_powershell_form_sets_the_same_variables_for_the_serve_it_finds()
    {
        await using var server = await SandboxProcess.StartAsync("--data-dir", data);
        var address = server.Uri.GetLeftPart(UriPartial.Authority);

        var (exit, posix, _) = await Run("--data-dir", data, "sandbox", "env");
        var (_, powershell, _) = await Run("--data-dir", data, "sandbox", "env", "--shell", "powershell");

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains($"export AWS_ENDPOINT_URL_RDS='{address}'\n", posix);
        Assert.Contains("unset AWS_PROFILE\n", posix);
        Assert.Contains($"$env:AWS_ENDPOINT_URL_RDS = '{address}'\n", powershell);
        Assert.Contains("$env:AWS_ACCESS_KEY_ID = 'sandbox'\n", powershell);
        Assert.Contains("Remove-Item Env:AWS_PROFILE -ErrorAction SilentlyContinue\n", powershell);
    }

    [Fact]
    public async Task Once_the_serve_stops_env_says_what_to_run_and_exits_3()
    {
        await using (var server = await SandboxProcess.StartAsync("--data-dir", data))
            Assert.Equal(0, (await server.TerminateAsync()).ExitCode);

        var (exit, output, error) = await Run("--data-dir", data, "sandbox", "env");

        Assert.Equal((ExitCodes.Target, ""), (exit, output));
        Assert.Contains($"no sandbox is serving the data folder {data}. Start one in another terminal with 'labrunner sandbox serve'", error);
        Assert.False(File.Exists(ServeRecord.PathIn(data)));
    }

    [Theory]
    [InlineData("http://127.0.0.1:1\n999999999\n")]
    [InlineData("http://evil.example:80\n1\n")]
    [InlineData("http://127.0.0.1:1/\u001b[31m\n1\n")]
    [InlineData("")]
    public async Task A_stale_or_hostile_record_finds_no_sandbox(string record)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(ServeRecord.PathIn(data))!);
        await File.WriteAllTextAsync(ServeRecord.PathIn(data), record);

        var (exit, output, error) = await Run("--data-dir", data, "sandbox", "env");

        Assert.Equal((ExitCodes.Target, ""), (exit, output));
        Assert.Contains("no sandbox is serving", error);
        Assert.DoesNotContain("\u001b", error);
    }

    private static async Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
