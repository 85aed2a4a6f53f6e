using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using LabRunner.Cli;
using LabRunner.Fronts.Tests.Check;
using LabRunner.TestSupport;
using LabRunner.TestSupport.Class;
using LabRunner.TestSupport.Http;

namespace LabRunner.Fronts.Tests.Class;

/// <summary>
/// Passes come from learners: <c>class --passes</c> sends a pass's requests only to RDS's own endpoint or the one
/// <c>--endpoint</c> names, follows no redirect, reads files of bounded size, and escapes whatever a pass says.
/// </summary>
public sealed class HostilePassTests : IAsyncLifetime
{
    private readonly TempDirectory data = new();
    private ScriptedHttpServer elsewhere = null!;
    private ScriptedHttpServer redirecting = null!;

    private string Passes => Path.Join(data.Path, "passes");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Passes);
        elsewhere = await ScriptedHttpServer.StartAsync((context, _) => context.Response.WriteAsync("<html>elsewhere</html>"));
        redirecting = await ScriptedHttpServer.StartAsync((context, _) =>
        {
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = elsewhere.Endpoint + "?Action=DescribeDBClusters";
            return Task.CompletedTask;
        });
    }

    public async Task DisposeAsync()
    {
        await redirecting.DisposeAsync();
        await elsewhere.DisposeAsync();
        data.Dispose();
    }

    private async Task<string> WritePassAsync(string name, Uri endpoint)
    {
        var path = Path.Join(Passes, $"{name}.json");
        var run = await CliRun.RunAsync(["pass", SeededClass.LabPath, "--var", $"yourname={name}", "--endpoint", endpoint.ToString(), "--out", path, "--data-dir", data.Path]);
        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        return path;
    }

    private Task<CliRun> ClassAsync(params string[] more) =>
        CliRun.RunAsync(["class", SeededClass.LabPath, "--passes", Passes, "--format", "json", "--data-dir", data.Path, .. more]);

    [Fact]
    public async Task A_redirect_is_not_followed()
    {
        await WritePassAsync("alice", redirecting.Endpoint);

        var run = await ClassAsync("--endpoint", redirecting.Endpoint.ToString());

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.NotEmpty(redirecting.Requests);
        Assert.Empty(elsewhere.Requests);
        var steps = JsonNode.Parse(run.Output)!["learners"]![0]!["check"]!["steps"]!.AsArray();
        Assert.Contains(steps, step => (string?)step!["status"] == "error" && ((string?)step["detail"])!.Contains("HTTP 302", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_pass_to_any_other_host_than_rds_or_the_named_endpoint_is_invalid_and_nothing_is_sent()
    {
        await WritePassAsync("alice", elsewhere.Endpoint);
        // Writing the pass asked the endpoint which sandbox it is; the class itself must send nothing.
        var sentWhileWriting = elsewhere.Requests.Count;

        var named = await ClassAsync("--endpoint", redirecting.Endpoint.ToString());
        var unnamed = await ClassAsync();

        foreach (var run in new[] { named, unnamed })
        {
            var pass = JsonNode.Parse(run.Output)!["learners"]![0]!["pass"]!;
            Assert.Equal("invalid", (string?)pass["status"]);
            Assert.Equal(0, (long)JsonNode.Parse(run.Output)!["requests"]!);
        }
        Assert.Contains("not to RDS in us-east-1", (string?)JsonNode.Parse(unnamed.Output)!["learners"]![0]!["pass"]!["detail"]);
        Assert.Equal(sentWhileWriting, elsewhere.Requests.Count);
        Assert.Empty(redirecting.Requests);
    }

    [Fact]
    public async Task Unreadable_passes_are_skipped_with_their_file_and_line_escaped_and_the_others_still_shown()
    {
        await WritePassAsync("alice", redirecting.Endpoint);
        File.WriteAllText(Path.Join(Passes, "huge.json"), "{\"format\": \"" + new string('x', 300 * 1024) + "\"}");
        File.WriteAllText(Path.Join(Passes, "chat.txt"), "# passes from the chat\nlabrunner-pass:!!!\n\nhello\n");
        File.WriteAllText(Path.Join(Passes, "escapes.txt"), "labrunner-pass:\u001b]0;pwned\u0007\n");
        var foreignLab = File.ReadAllText(Path.Join(Passes, "alice.json")).Replace("\"aurora-backup\"", "\"evil\\u001b[2J\"", StringComparison.Ordinal);
        File.WriteAllText(Path.Join(Passes, "other-lab.json"), foreignLab);

        var run = await ClassAsync("--endpoint", redirecting.Endpoint.ToString());

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Single(JsonNode.Parse(run.Output)!["learners"]!.AsArray());
        Assert.Contains(run.Lines, line => line.Contains("huge.json: larger than 256 KiB", StringComparison.Ordinal));
        Assert.Contains(run.Lines, line => line.Contains("chat.txt:2: not a progress pass", StringComparison.Ordinal));
        Assert.Contains(run.Lines, line => line.Contains("chat.txt:4: not a progress pass", StringComparison.Ordinal));
        Assert.Contains(run.Lines, line => line.Contains("escapes.txt is not a text file", StringComparison.Ordinal));
        Assert.Contains(run.Lines, line => line.Contains("other-lab.json: a pass for the lab 'evil\\x1b[2J'", StringComparison.Ordinal));
        Assert.Empty(run.RawCharacters());
    }

    [Fact]
    public async Task A_pass_made_on_the_built_in_sandbox_is_refused_before_anything()
    {
        var run = await CliRun.RunAsync(["pass", SeededClass.LabPath, "--var", "yourname=alice", "--data-dir", data.Path]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--endpoint", run.Error);
    }
}
