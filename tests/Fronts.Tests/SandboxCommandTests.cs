using System.Text.Json;
using LabRunner.Cli;
using LabRunner.TestSupport;
using LabRunner.TestSupport.Network;
using LabRunner.TestSupport.Peers;

namespace LabRunner.Fronts.Tests;

public sealed class SandboxCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("labrunner-serve-").FullName;

    private string StatePath => Path.Combine(directory, "state.json");

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Theory]
    [InlineData("--port", "70000", "--port '70000': expected a whole number from 0 to 65535")]
    [InlineData("--port", "http", "--port 'http': expected a whole number from 0 to 65535")]
    [InlineData("--bind", "classroom.local", "--bind 'classroom.local': expected an IP address of this machine, e.g. 127.0.0.1, a LAN address such as 192.168.1.20, or 0.0.0.0 for all of them")]
    [InlineData("--bind", "17363", "--bind '17363': expected an IP address of this machine")]
    [InlineData("--bind", "0.0.0.0", "--bind 0.0.0.0: beyond loopback anyone on the network reaches the sandbox, so it needs --class NAME (a key for each learner), --verify-signatures (the key in $LABRUNNER_SANDBOX_CREDENTIALS) or --verify-signatures-file FILE")]
    [InlineData("--snapshot-seconds", "-1", "--snapshot-seconds '-1': expected a number of seconds from 0 to 86400")]
    [InlineData("--faults", "throttle=0.9,error500=0.2", "--faults 'throttle=0.9,error500=0.2': throttle, error500 and drop add up to")]
    [InlineData("--faults", "jitter=5ms", "--faults 'jitter=5ms': unknown fault 'jitter'")]
    [InlineData("--verify-signatures", "AKIDONLY:wJalrXUtnFEMI", "--verify-signatures takes no value: a KEYID:SECRET on the command line shows in the process list. Set LABRUNNER_SANDBOX_CREDENTIALS=KEYID:SECRET in the environment, or put it in a file and pass --verify-signatures-file FILE.")]
    public async Task Bad_flags_name_the_flag_and_value_and_exit_2(string flag, string value, string message)
    {
        var (output, error) = (new StringWriter(), new StringWriter());

        var exitCode = await CliApp.RunAsync(["sandbox", "serve", flag, value], output, error);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains(message, error.ToString());
        Assert.DoesNotContain("   at ", error.ToString());
        Assert.DoesNotContain("wJalrXUtnFEMI", error.ToString());
    }

    [Theory]
    [InlineData("# the class key\n\nAKIDCLASS wJalrXUtnFEMI\n", "--verify-signatures-file {file} line 3: expected KEYID:SECRET")]
    [InlineData("# nothing but a comment\n", "--verify-signatures-file {file}: no KEYID:SECRET line in it")]
    public async Task A_bad_key_file_is_named_with_its_line_and_never_echoed(string content, string message)
    {
        var keyFile = Path.Combine(directory, "keys");
        await File.WriteAllTextAsync(keyFile, content);
        var (output, error) = (new StringWriter(), new StringWriter());

        var exitCode = await CliApp.RunAsync(["sandbox", "serve", "--state", StatePath, "--verify-signatures-file", keyFile], output, error);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains(message.Replace("{file}", keyFile, StringComparison.Ordinal), error.ToString());
        Assert.DoesNotContain("wJalrXUtnFEMI", error.ToString());
        Assert.False(File.Exists(StatePath));
    }

    [PeerFact(RealPeer.AwsCli)]
    public async Task Verify_signatures_takes_the_key_from_the_environment_and_keeps_it_out_of_the_process_list()
    {
        var environment = new Dictionary<string, string> { ["LABRUNNER_SANDBOX_CREDENTIALS"] = $"{AwsCli.AccessKeyId}:{AwsCli.SecretAccessKey}" };
        await using var server = await SandboxProcess.StartAsync(environment, "--state", StatePath, "--verify-signatures");
        using var http = new HttpClient { BaseAddress = server.Uri };

        var signed = await AwsCli.RdsAsync(server.Uri, "describe-db-clusters");
        var wrongSecret = await AwsCli.RdsAsync(server.Uri, AwsCli.Environment(secretAccessKey: "not-the-secret"), "describe-db-clusters");
        using var unsigned = await http.PostAsync("/", new FormUrlEncodedContent([new("Version", "2014-10-31"), new("Action", "DescribeDBClusters")]));

        Assert.Contains("--verify-signatures", server.CommandLine);
        Assert.DoesNotContain(AwsCli.SecretAccessKey, server.CommandLine);
        Assert.True(signed.ExitCode == 0, signed.ToString());
        Assert.Contains("(SignatureDoesNotMatch)", wrongSecret.StandardError);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, unsigned.StatusCode);
    }

    [PeerFact(RealPeer.AwsCli)]
    public async Task Verify_signatures_file_takes_the_keys_from_a_file()
    {
        var keyFile = Path.Combine(directory, "keys");
        await File.WriteAllTextAsync(keyFile, $"# the class key\n{AwsCli.AccessKeyId}:{AwsCli.SecretAccessKey}\n");
        await using var server = await SandboxProcess.StartAsync("--state", StatePath, "--verify-signatures-file", keyFile);

        var signed = await AwsCli.RdsAsync(server.Uri, "describe-db-clusters");
        var unknownKey = await AwsCli.RdsAsync(server.Uri, AwsCli.Environment(accessKeyId: "AKIDUNKNOWN"), "describe-db-clusters");

        Assert.True(signed.ExitCode == 0, signed.ToString());
        Assert.Contains("(InvalidClientTokenId)", unknownKey.StandardError);
    }

    [Fact]
    public async Task An_address_that_is_not_this_machines_is_named_with_the_port_and_exits_2()
    {
        var keyFile = Path.Combine(directory, "keys");
        await File.WriteAllTextAsync(keyFile, $"{AwsCli.AccessKeyId}:{AwsCli.SecretAccessKey}\n");
        var (output, error) = (new StringWriter(), new StringWriter());

        var exitCode = await CliApp.RunAsync(["sandbox", "serve", "--state", StatePath, "--bind", "203.0.113.77", "--port", "0", "--verify-signatures-file", keyFile], output, error);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("--bind 203.0.113.77 --port 0: cannot listen there", error.ToString());
        Assert.DoesNotContain("   at ", error.ToString());
    }

    /// <summary>A class sandbox on the machine's LAN address: what learners' laptops reach, signed with the class key.</summary>
    [LanFact(RealPeer.AwsCli)]
    public async Task A_sandbox_bound_beyond_loopback_refuses_unsigned_requests_as_aws_does_and_serves_signed_ones()
    {
        var environment = new Dictionary<string, string> { ["LABRUNNER_SANDBOX_CREDENTIALS"] = $"{AwsCli.AccessKeyId}:{AwsCli.SecretAccessKey}" };
        await using var server = await SandboxProcess.StartAsync(environment, "--state", StatePath, "--bind", LanAddress.Value!.ToString(), "--verify-signatures", "--lab", Repository.PathOf("labs", "aurora-backup"), "--learners", "alice");
        using var http = new HttpClient { BaseAddress = server.Uri };

        var signed = await AwsCli.RdsAsync(server.Uri, "describe-db-clusters");
        using var unsigned = await http.PostAsync("/", new FormUrlEncodedContent([new("Version", "2014-10-31"), new("Action", "DeleteDBCluster"), new("DBClusterIdentifier", "aurora-alice-cluster"), new("SkipFinalSnapshot", "true")]));
        var refusal = await unsigned.Content.ReadAsStringAsync();
        var afterwards = await AwsCli.RdsAsync(server.Uri, "describe-db-clusters", "--db-cluster-identifier", "aurora-alice-cluster");

        Assert.Equal($"listening on http://{LanAddress.Value}:{server.Uri.Port}", server.FirstLine);
        Assert.True(signed.ExitCode == 0, signed.ToString());
        Assert.Contains("\"DBClusterIdentifier\": \"aurora-alice-cluster\"", signed.StandardOutput);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, unsigned.StatusCode);
        Assert.Contains("<Code>MissingAuthenticationToken</Code>", refusal);
        Assert.True(afterwards.ExitCode == 0, afterwards.ToString());
    }

    [LanFact]
    public async Task A_sandbox_bound_beyond_loopback_still_refuses_browsers_and_foreign_host_names()
    {
        var environment = new Dictionary<string, string> { ["LABRUNNER_SANDBOX_CREDENTIALS"] = $"{AwsCli.AccessKeyId}:{AwsCli.SecretAccessKey}" };
        await using var server = await SandboxProcess.StartAsync(environment, "--state", StatePath, "--bind", LanAddress.Value!.ToString(), "--verify-signatures");
        using var http = new HttpClient { BaseAddress = server.Uri };

        using var fromPage = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new FormUrlEncodedContent([new("Version", "2014-10-31"), new("Action", "DescribeDBClusters")]) };
        fromPage.Headers.TryAddWithoutValidation("Origin", "http://evil.example");
        using var pageResponse = await http.SendAsync(fromPage);
        using var rebound = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new FormUrlEncodedContent([new("Version", "2014-10-31"), new("Action", "DescribeDBClusters")]) };
        rebound.Headers.Host = $"evil.example:{server.Uri.Port}";
        using var reboundResponse = await http.SendAsync(rebound);

        Assert.Contains("Requests from a web browser are refused", await pageResponse.Content.ReadAsStringAsync());
        Assert.Contains($"The Host header 'evil.example:{server.Uri.Port}' is not this sandbox's address: address it as {LanAddress.Value}:{server.Uri.Port}", await reboundResponse.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(new[] { "--learners", "alice" }, "--learners needs --lab")]
    [InlineData(new[] { "--lab", "labs/aurora-backup", "--learners", "alice,Bob_1" }, "--learners 'Bob_1': resource cluster 'aurora-Bob_1-cluster' is not a valid RDS identifier")]
    [InlineData(new[] { "--lab", "labs/no-such-lab", "--learners", "alice" }, "error LR001: no lab at")]
    public async Task Bad_seeding_is_refused_before_the_sandbox_starts(string[] flags, string message)
    {
        var (output, error) = (new StringWriter(), new StringWriter());

        var exitCode = await CliApp.RunAsync(["sandbox", "serve", "--state", StatePath, .. flags.Select(flag => flag.StartsWith("labs/", StringComparison.Ordinal) ? Repository.PathOf(flag) : flag)], output, error);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains(message, error.ToString());
        Assert.False(File.Exists(StatePath));
    }

    [Fact]
    public async Task Serve_with_a_lab_seeds_every_learner_with_its_fixtures()
    {
        await using var server = await SandboxProcess.StartAsync("--state", StatePath, "--lab", Repository.PathOf("labs", "aurora-backup"), "--learners", "alice,Bob");
        using var http = new HttpClient { BaseAddress = server.Uri };

        using var response = await http.PostAsync("/", new FormUrlEncodedContent([new("Version", "2014-10-31"), new("Action", "DescribeDBClusters")]));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(body, "<DBClusterIdentifier>aurora-(alice|bob)-cluster</DBClusterIdentifier>"));
        Assert.Contains("<DBInstanceIdentifier>aurora-bob-instance-1</DBInstanceIdentifier>", body);
        Assert.Contains("<PreferredBackupWindow>07:10-07:40</PreferredBackupWindow>", body);
    }

    [Fact]
    public async Task A_corrupt_state_file_is_named_and_exits_2()
    {
        await File.WriteAllTextAsync(StatePath, "{ not json");
        var (output, error) = (new StringWriter(), new StringWriter());

        var exitCode = await CliApp.RunAsync(["sandbox", "serve", "--state", StatePath], output, error);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains($"The sandbox state file {StatePath} cannot be read", error.ToString());
        Assert.Equal("{ not json", await File.ReadAllTextAsync(StatePath));
    }

    [Fact]
    public async Task Serve_answers_until_sigterm_then_exits_0_with_its_state_saved()
    {
        await using var server = await SandboxProcess.StartAsync("--state", StatePath);
        Assert.Matches(@"^listening on http://127\.0\.0\.1:\d+$", server.FirstLine);
        using var http = new HttpClient { BaseAddress = server.Uri };
        await PostAsync(http, ("Action", "CreateDBCluster"), ("DBClusterIdentifier", "served"), ("Engine", "aurora-mysql"));

        var (exitCode, output) = await server.TerminateAsync();

        Assert.Equal(0, exitCode);
        Assert.Contains("stopping; the state is saved", output);
        Assert.Contains("\"id\":\"served\"", await File.ReadAllTextAsync(StatePath));
    }

    /// <summary>
    /// kill -9 the real server while requests keep changing its state: every time, the file left behind is a whole
    /// state (the one before or after some write, never a torn one), and no write it acknowledged is lost.
    /// </summary>
    [Fact]
    public async Task Kill_9_during_writes_leaves_a_whole_state_file()
    {
        var acknowledged = 0;
        var savedBefore = 0;
        for (var round = 0; round < 3; round++)
        {
            await using var server = await SandboxProcess.StartAsync("--state", StatePath);
            using var http = new HttpClient { BaseAddress = server.Uri };
            var writes = Task.Run(async () =>
            {
                for (var index = 0; ; index++)
                {
                    await PostAsync(http, ("Action", "CreateDBCluster"), ("DBClusterIdentifier", $"c{round}-{index}"), ("Engine", "aurora-mysql"));
                    Interlocked.Increment(ref acknowledged);
                }
            });
            var before = Volatile.Read(ref acknowledged);
            await Eventually.HoldsAsync(() => Volatile.Read(ref acknowledged) >= before + 3 || writes.IsCompleted, "the server acknowledges three more writes", TimeSpan.FromSeconds(20));
            await Task.Delay(30 * round);
            server.Kill();
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => writes);

            using var document = JsonDocument.Parse(await File.ReadAllTextAsync(StatePath));
            var clusters = document.RootElement.GetProperty("clusters").GetArrayLength();
            // Every acknowledged write is there; at most one more (saved, then killed before its answer arrived).
            var acknowledgedThisRound = Volatile.Read(ref acknowledged) - before;
            Assert.InRange(clusters, savedBefore + acknowledgedThisRound, savedBefore + acknowledgedThisRound + 1);
            savedBefore = clusters;
            // Each cluster and its first automated snapshot are written together.
            Assert.Equal(clusters, document.RootElement.GetProperty("snapshots").GetArrayLength());
        }
        Assert.True(acknowledged > 0);
    }

    private static async Task PostAsync(HttpClient http, params (string Name, string Value)[] parameters)
    {
        using var response = await http.PostAsync("/", new FormUrlEncodedContent([new("Version", "2014-10-31"), .. parameters.Select(p => KeyValuePair.Create(p.Name, p.Value))]));
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"The sandbox answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
