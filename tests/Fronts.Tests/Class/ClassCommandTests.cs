using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using LabRunner.Cli;
using LabRunner.Fronts.Tests.Check;
using LabRunner.TestSupport;
using LabRunner.TestSupport.Class;
using LabRunner.TestSupport.Http;

namespace LabRunner.Fronts.Tests.Class;

/// <summary><c>labrunner class</c> against a sandbox seeded with learners at every stage, printed once (output not a terminal).</summary>
public sealed class ClassCommandTests(SeededClass seeded) : IClassFixture<SeededClass>, IDisposable
{
    private readonly TempDirectory data = new();

    public void Dispose() => data.Dispose();

    private Task<CliRun> ClassAsync(params string[] arguments) =>
        CliRun.RunAsync(["class", SeededClass.LabPath, "--endpoint", seeded.Sandbox.Uri.ToString(), "--data-dir", data.Path, .. arguments]);

    private Task<CliRun> CheckAsync(string name, string format) =>
        CliRun.RunAsync(["check", SeededClass.LabPath, "--var", $"yourname={name}", "--endpoint", seeded.Sandbox.Uri.ToString(), "--format", format, "--data-dir", data.Path]);

    private string WriteRoster(string text)
    {
        var path = Path.Join(data.Path, "roster.csv");
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>With --optional: a learner's check judges the optional steps too.</summary>
    [Fact]
    public async Task Each_learner_in_the_class_json_is_exactly_their_own_check_json()
    {
        var run = await ClassAsync("--discover", "--optional", "--format", "json");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        var learners = JsonNode.Parse(run.Output)!["learners"]!.AsArray();
        Assert.Equal(SeededClass.Seeded.Length, learners.Count);
        foreach (var learner in SeededClass.Seeded)
        {
            var inClass = learners.Single(entry => (string?)entry!["key"] == learner.Name)!["check"];
            var own = JsonNode.Parse((await CheckAsync(learner.Name, "json")).Output);
            Assert.True(JsonNode.DeepEquals(own, inClass), $"{learner.Name}: class said\n{inClass}\ncheck said\n{own}");
        }
    }

    [Fact]
    public async Task Each_learner_suite_in_the_class_junit_is_their_own_check_suite()
    {
        var suites = XDocument.Parse((await ClassAsync("--optional", "--format", "junit")).Output).Root!.Elements("testsuite").ToList();

        Assert.Equal(SeededClass.Seeded.Length, suites.Count);
        foreach (var learner in SeededClass.Seeded)
        {
            var inClass = suites.Single(suite => (string?)suite.Attribute("name") == $"aurora-backup {learner.Name}");
            var own = XDocument.Parse((await CheckAsync(learner.Name, "junit")).Output).Root!.Element("testsuite")!;
            own.SetAttributeValue("name", inClass.Attribute("name")!.Value);
            var activity = inClass.Element("properties")!.Elements("property").Where(property => (string?)property.Attribute("name") is "last-activity" or "stuck").ToList();
            Assert.Equal(["last-activity", "stuck"], activity.Select(property => (string?)property.Attribute("name")));
            activity.ForEach(property => property.Remove());
            Assert.True(XNode.DeepEquals(own, inClass), $"{learner.Name}: class said\n{inClass}\ncheck said\n{own}");
        }
    }

    [Fact]
    public async Task The_json_tells_the_read_and_the_summary()
    {
        var json = JsonNode.Parse((await ClassAsync("--format", "json")).Output)!;

        Assert.True((bool)json["read-only"]!);
        Assert.Equal(2, (int)json["requests"]!);
        Assert.Equal([5, 3, 2, 0, 1], json["steps"]!.AsArray().Select(step => (int)step!["passed"]!));
        Assert.Equal("alice", (string?)json["learners"]![0]!["key"]);
        Assert.Empty(json["failures"]!.AsArray());
    }

    [Fact]
    public async Task Roster_names_without_resources_show_as_not_started_beside_those_discovered()
    {
        var roster = WriteRoster("yourname\nerin\ncarol\n");

        var json = JsonNode.Parse((await ClassAsync("--roster", roster, "--discover", "--format", "json")).Output)!;

        var erin = json["learners"]!.AsArray().Single(entry => (string?)entry!["key"] == "erin")!;
        Assert.False((bool)erin["started"]!);
        Assert.Equal(["roster"], erin["sources"]!.AsArray().Select(source => (string?)source));
        var carol = json["learners"]!.AsArray().Single(entry => (string?)entry!["key"] == "carol")!;
        Assert.Equal(["roster", "discovered"], carol["sources"]!.AsArray().Select(source => (string?)source));
        Assert.Equal(6, json["learners"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_roster_alone_shows_only_its_learners_in_csv()
    {
        var roster = WriteRoster("dave\nerin\n");

        var run = await ClassAsync("--roster", roster, "--format", "csv");

        var lines = run.Output.TrimEnd().Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        Assert.Equal(3, lines.Count);
        Assert.Equal("learner,started,find-cluster,take-snapshot,snapshot-available,snapshot-actions,modify-backup-window,passed,total,last-activity,stuck", lines[0]);
        // erin has not started; dave's resources are long older than 10 minutes and he has not acknowledged the manual step.
        Assert.Equal("erin,false,failed,failed,failed,manual,failed,0,4,,false", lines[1]);
        Assert.Matches(@"^dave,true,passed,passed,passed,manual,passed,4,4,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ,true$", lines[2]);
    }

    [Fact]
    public async Task With_optional_the_csv_has_the_optional_steps_and_counts_them_apart_and_the_table_gives_them_one_column()
    {
        var roster = WriteRoster("dave\n");

        var csv = (await ClassAsync("--roster", roster, "--optional", "--format", "csv")).Output.TrimEnd().Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        var table = (await ClassAsync("--roster", roster, "--optional")).Output.Split('\n').Select(line => line.TrimEnd('\r')).ToList();

        Assert.Equal("learner,started,find-cluster,take-snapshot,snapshot-available,snapshot-actions,modify-backup-window,copy-snapshot,share-snapshot,restore-snapshot,"
            + "passed,total,optional-passed,optional-total,last-activity,stuck", csv[0]);
        Assert.Matches(@"^dave,true,passed,passed,passed,manual,passed,failed,failed,failed,4,4,0,3,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ,true$", csv[1]);
        Assert.Contains(table, line => Regex.IsMatch(line, @"^ learner +#1 +#2 +#3 +#4 +#5 +progress +opt +idle$"));
        Assert.Contains(table, line => Regex.IsMatch(line, @"^ dave +✓ +✓ +✓ +☐ +✓ +4/4 +0/3 "));
        Assert.Contains(table, line => line.StartsWith("  #1 find-cluster ", StringComparison.Ordinal)
            && line.EndsWith("#5 modify-backup-window  opt (done/all): (#6) copy-snapshot  (#7) share-snapshot  (#8) restore-snapshot", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_table_says_read_only_and_shows_the_grid_with_its_summary()
    {
        var run = await ClassAsync();

        var lines = run.Output.Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        Assert.Equal("Aurora backups and snapshots (aurora-backup): class view, READ-ONLY", lines[0]);
        Assert.StartsWith($"  target   RDS endpoint {seeded.Sandbox.Uri.Authority} us-east-1 ({seeded.Sandbox.Uri})", lines[1]);
        Assert.Contains(lines, line => line.StartsWith(" passed (of 5) 5 ", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith(" bob ", StringComparison.Ordinal) && line.Contains("◐ 0%", StringComparison.Ordinal) && line.Contains(" 2/4 ", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith(" dave ", StringComparison.Ordinal) && line.Contains(" 4/4 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Markdown_is_a_table_with_the_summary_row()
    {
        var run = await ClassAsync("--format", "markdown");

        Assert.Contains("| learner | find-cluster | take-snapshot | snapshot-available | snapshot-actions | modify-backup-window | progress |", run.Output.Replace("\u2026", "…"), StringComparison.Ordinal);
        Assert.Contains("| **passed (of 5)** | **5** | **3** | **2** | **0** | **1** |  |", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_roster_is_a_usage_error_naming_the_file_and_line_before_any_request()
    {
        var roster = WriteRoster("alice\nnot a name!\n");

        var run = await CliRun.RunAsync(["class", SeededClass.LabPath, "--roster", roster, "--endpoint", "http://127.0.0.1:9/", "--data-dir", data.Path]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains($"labrunner: {roster}:2:1: resource cluster 'aurora-not a name!-cluster' is not a valid RDS identifier", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Theory]
    [InlineData("--format", "yaml", "--format 'yaml' is not table, json, csv, markdown or junit")]
    [InlineData("--watch", "0", "--watch '0' is not a whole number of seconds from 1 to 3600")]
    [InlineData("--roster", "/nonexistent/roster.txt", "/nonexistent/roster.txt:1:1: cannot read /nonexistent/roster.txt")]
    public async Task Bad_flags_are_usage_errors_that_name_the_flag_and_value(string flag, string value, string message)
    {
        var run = await ClassAsync(flag, value);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_a_target_error()
    {
        var nowhere = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        var run = await CliRun.RunAsync(["class", SeededClass.LabPath, "--endpoint", nowhere.ToString(), "--format", "json", "--data-dir", data.Path]);

        Assert.Equal(ExitCodes.Target, run.ExitCode);
        Assert.Contains($"labrunner: could not read the class from RDS endpoint {nowhere.Authority} us-east-1", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_class_view_only_ever_sends_describe_calls()
    {
        await using var recorder = await ScriptedHttpServer.StartAsync((context, request) => RdsReplies.Success(context, request.Action!, ""));

        await CliRun.RunAsync(["class", SeededClass.LabPath, "--endpoint", recorder.Endpoint.ToString(), "--format", "json", "--data-dir", data.Path]);

        // The first DescribeDBClusters asks whether the endpoint is a LabRunner sandbox (its identity keys progress).
        Assert.Equal(["DescribeDBClusterSnapshots", "DescribeDBClusters", "DescribeDBClusters"], recorder.Requests.Select(request => request.Action).Order(StringComparer.Ordinal));
    }
}
