using System.Text.Json;
using System.Xml.Linq;
using LabRunner.Cli;
using LabRunner.TestSupport;
using LabRunner.TestSupport.Http;

namespace LabRunner.Fronts.Tests.Check;

/// <summary>
/// <c>labrunner check</c> against an endpoint that misbehaves on purpose (issue 12), in every report format: a clean exit
/// (1 or 3, never 70), a message saying what happened, no raw control or bidi character anywhere in what it prints,
/// JSON and JUnit that parse, and no result line an endpoint could forge.
/// </summary>
public sealed class HostileEndpointTests : IDisposable
{
    private static readonly string[] Formats = ["text", "json", "junit", "markdown"];
    public static readonly string[] LabSteps = ["find-cluster", "take-snapshot", "snapshot-available", "snapshot-actions", "modify-backup-window", "copy-snapshot", "share-snapshot", "restore-snapshot"];

    /// <summary>The starts of the lines <see cref="HostileEndpoint.ForgedLines"/> tries to print as results.</summary>
    public static readonly string[] ForgedStarts = ["✓ forged-step", "| ✓ | forged", $"<testcase name=\"{HostileEndpoint.ForgedMark}\""];

    private readonly TempDirectory data = new();

    public void Dispose() => data.Dispose();

    public static TheoryData<string, string> CasesInEveryFormat()
    {
        var data = new TheoryData<string, string>();
        foreach (var hostile in HostileEndpoint.Cases)
        {
            foreach (var format in Formats)
                data.Add(hostile.Name, format);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(CasesInEveryFormat))]
    public async Task Check_exits_cleanly_says_why_and_prints_nothing_raw(string caseName, string format)
    {
        var hostile = HostileEndpoint.Case(caseName);
        await using var server = await ScriptedHttpServer.StartAsync(hostile.Respond);

        var run = await CliRun.RunAsync(["check", CheckScenarios.LabPath, "--var", "yourname=alice", "--endpoint", server.Endpoint.ToString(), "--format", format, "--data-dir", data.Path]);

        Assert.True(run.ExitCode == hostile.ExitCode, $"exit {run.ExitCode}, expected {hostile.ExitCode}; stderr: {run.Error}");
        Assert.Contains(hostile.Says, run.Output + run.Error, StringComparison.Ordinal);
        Assert.Empty(run.RawCharacters());
        Assert.DoesNotContain(run.Lines, line => ForgedStarts.Any(forged => line.TrimStart().StartsWith(forged, StringComparison.Ordinal)));
        if (format == "json")
            Assert.Equal(LabSteps, run.Steps().Select(step => step.Id));
        if (format == "junit")
            Assert.Equal(LabSteps.Length, XDocument.Parse(run.Output).Descendants("testcase").Count());
    }

    [Fact]
    public async Task Values_are_shown_with_their_controls_as_escapes_on_the_line_of_their_step()
    {
        await using var server = await ScriptedHttpServer.StartAsync(HostileEndpoint.Case("C1, bidi and CR/LF in identifiers and statuses").Respond);

        var run = await CliRun.RunAsync(["check", CheckScenarios.LabPath, "--var", "yourname=alice", "--endpoint", server.Endpoint.ToString(), "--data-dir", data.Path]);

        var findCluster = Assert.Single(run.Output.Split('\n'), line => line.StartsWith("  ✗ find-cluster", StringComparison.Ordinal));
        Assert.EndsWith(
            @"cluster aurora-alice-cluster is available\x9b2J\x9d52;c;cHduZWQ=\x9c\x85\u202eevil\u202c\u2066x\u2069\u200e\u061c\u2028\r\n  ✓ forged-step  passed  FORGED\n| ✓ | forged | passed | FORGED |\n<testcase name=""FORGED""/>\r\n, expected available",
            findCluster);
    }

    [Fact]
    public async Task The_exit_3_error_line_of_a_hostile_message_is_one_visible_line()
    {
        await using var server = await ScriptedHttpServer.StartAsync(HostileEndpoint.Case("C1, bidi and CR/LF in an error Message").Respond);

        var run = await CliRun.RunAsync(["check", CheckScenarios.LabPath, "--var", "yourname=alice", "--endpoint", server.Endpoint.ToString(), "--format", "json", "--data-dir", data.Path]);

        Assert.Equal(ExitCodes.Target, run.ExitCode);
        var errorLine = Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("labrunner: could not use the target RDS endpoint", errorLine, StringComparison.Ordinal);
        Assert.Contains(@"denied \x9b2J\x9d52;c;cHduZWQ=\x9c\x85\u202eevil", errorLine, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Contains(@"\u202eevil", json.RootElement.GetProperty("steps")[0].GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
