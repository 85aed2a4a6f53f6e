using System.Text.Json;
using LabRunner.TestSupport;
using LabRunner.TestSupport.Http;
using LabRunner.TestSupport.Moto;
using LabRunner.TestSupport.Peers;
using LabRunner.TestSupport.Sandbox;
using LabRunner.Sandbox;

namespace LabRunner.Fronts.Tests.Check;

/// <summary>
/// The labrunner binary (the native one in CI) with the credentials learners have at workshops, moto standing in for
/// both STS and RDS: the AWS SDK's STS client must be in the binary and found without reflection.
/// </summary>
[Collection("moto")]
public sealed class AccountCredentialTests(MotoServer moto) : IDisposable
{
    private const string RoleArn = "arn:aws:iam::123456789012:role/workshop-learner";
    private readonly TempDirectory home = new();

    public void Dispose() => home.Dispose();

    [PeerFact(RealPeer.Moto)]
    public async Task An_assume_role_profile_works_and_the_report_names_the_account_and_the_assumed_role()
    {
        WriteAwsFiles(config: $"""
            [profile learner]
            role_arn = {RoleArn}
            source_profile = base
            role_session_name = alice
            region = eu-west-1
            """);

        var run = await RunAsync(["check", CheckScenarios.LabPath, "--var", "yourname=alice", "--profile", "learner", "--endpoint", moto.Endpoint.ToString(), "--format", "json"]);

        Assert.True(run.ExitCode == 1, run.ToString()); // the steps are not done: the call itself went through
        using var json = JsonDocument.Parse(run.StandardOutput);
        var target = json.RootElement.GetProperty("target");
        Assert.Equal("123456789012", target.GetProperty("account").GetString());
        Assert.Equal("arn:aws:sts::123456789012:assumed-role/workshop-learner/alice", target.GetProperty("arn").GetString());
    }

    [PeerFact(RealPeer.Moto)]
    public async Task A_web_identity_token_works_and_the_text_report_has_an_account_line()
    {
        WriteAwsFiles(config: "");
        var token = Path.Combine(home.Path, "token");
        File.WriteAllText(token, "eyJhbGciOiJub25lIn0.eyJzdWIiOiJsZWFybmVyIn0.");

        var run = await RunAsync(
            ["check", CheckScenarios.LabPath, "--var", "yourname=alice", "--target", "aws", "--endpoint", moto.Endpoint.ToString()],
            ("AWS_WEB_IDENTITY_TOKEN_FILE", token), ("AWS_ROLE_ARN", RoleArn), ("AWS_ROLE_SESSION_NAME", "web-alice"));

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("  account  123456789012 as arn:aws:sts::123456789012:assumed-role/workshop-learner/web-alice", run.StandardOutput);
    }

    [PeerFact(RealPeer.Moto)]
    public async Task An_SSO_profile_never_logged_in_says_to_run_aws_sso_login_with_exit_3()
    {
        WriteAwsFiles(config: """
            [profile workshop]
            sso_start_url = https://labrunner-test.awsapps.com/start
            sso_region = eu-west-1
            sso_account_id = 111122223333
            sso_role_name = Learner
            region = eu-west-1
            """);

        var run = await RunAsync(["check", CheckScenarios.LabPath, "--var", "yourname=alice", "--profile", "workshop", "--endpoint", moto.Endpoint.ToString()]);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("credentials from profile 'workshop' (SSO): run 'aws sso login --profile workshop'", run.StandardError);
        Assert.DoesNotContain("   at ", run.StandardError);
    }

    [PeerFact(RealPeer.Moto)]
    public async Task Container_credentials_that_expire_within_15_minutes_are_warned_about()
    {
        WriteAwsFiles(config: "");
        await using var endpoint = await CredentialsEndpoint.StartAsync("ASIACLOUDSHELL", "cloudshell-secret", TimeSpan.FromMinutes(10));

        var run = await RunAsync(
            ["check", CheckScenarios.LabPath, "--var", "yourname=alice", "--target", "aws", "--endpoint", moto.Endpoint.ToString()],
            ("AWS_CONTAINER_CREDENTIALS_FULL_URI", endpoint.ContainerUri.ToString()), ("AWS_CONTAINER_AUTHORIZATION_TOKEN", CredentialsEndpoint.AuthorizationToken));

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Matches(@"labrunner: warning: your AWS credentials expire in (9|10) minutes \(\d\d:\d\d UTC\): renew them before a long step", run.StandardError);
        Assert.Contains("  account  123456789012 as ", run.StandardOutput);
    }

    [Fact]
    public async Task EC2_instance_metadata_with_an_IMDSv2_session_signs_the_calls()
    {
        WriteAwsFiles(config: "");
        await using var endpoint = await CredentialsEndpoint.StartAsync("ASIAINSTANCE", "instance-secret", TimeSpan.FromHours(6));
        await using var sandbox = await SandboxFixture.StartAsync(options => options with
        {
            TimeProvider = TimeProvider.System,
            VerifySignaturesWith = [new AccessKey("ASIAINSTANCE", "instance-secret")],
        });

        var run = await RunAsync(
            ["check", CheckScenarios.LabPath, "--var", "yourname=alice", "--target", "aws", "--endpoint", sandbox.Uri.ToString(), "--format", "json"],
            ("AWS_EC2_METADATA_DISABLED", "false"), ("AWS_EC2_METADATA_SERVICE_ENDPOINT", endpoint.MetadataEndpoint), ("AWS_ENDPOINT_URL_STS", ""));

        Assert.True(run.ExitCode == 1, run.ToString()); // judged (nothing done yet), so the sandbox took the signature
        Assert.Contains(endpoint.Requests, request => request.Method == "PUT" && request.Path == "/latest/api/token");
    }

    private void WriteAwsFiles(string config)
    {
        File.WriteAllText(Path.Combine(home.Path, "config"), config);
        File.WriteAllText(Path.Combine(home.Path, "credentials"), "[base]\naws_access_key_id = AKIASOURCEPROFILE\naws_secret_access_key = source-secret\n");
    }

    /// <summary>The binary with only these AWS settings: the test keys this module puts in the environment are cleared.</summary>
    private Task<ProcessResult> RunAsync(string[] arguments, params (string Name, string Value)[] more)
    {
        var environment = new Dictionary<string, string>(LabRunnerBinary.IsolatedEnvironment(home.Path))
        {
            ["AWS_CONFIG_FILE"] = Path.Combine(home.Path, "config"),
            ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(home.Path, "credentials"),
            ["AWS_ACCESS_KEY_ID"] = "",
            ["AWS_SECRET_ACCESS_KEY"] = "",
            ["AWS_EC2_METADATA_DISABLED"] = "true",
        };
        foreach (var (name, value) in more)
            environment[name] = value;
        // moto stands in for STS unless the test names another (or none), so a test without moto needs no moto here.
        if (!environment.ContainsKey("AWS_ENDPOINT_URL_STS"))
            environment["AWS_ENDPOINT_URL_STS"] = moto.Endpoint.ToString();
        return ExternalProcess.RunAsync(LabRunnerBinary.Path, arguments, environment, TimeSpan.FromSeconds(120), workingDirectory: home.Path);
    }
}
