using System.Diagnostics;
using System.Text.RegularExpressions;
using LabRunner.Engine.Progress;
using LabRunner.Rds.Model;
using LabRunner.Sandbox.Http;
using LabRunner.TestSupport;
using LabRunner.TestSupport.Class;
using LabRunner.TestSupport.Peers;

namespace LabRunner.Fronts.Tests.Class;

/// <summary>
/// The real <c>labrunner class</c> binary in a real terminal (tmux on a private socket) against a seeded sandbox:
/// the live grid appears, refreshes on its own, filters, shows a learner's reasons, and quits cleanly; at 80×24 it shows
/// an acknowledged manual step, stuck learners, and a failed refresh on its own line under an intact header.
/// </summary>
public sealed partial class ClassTmuxTests(SeededClass seeded) : IClassFixture<SeededClass>, IAsyncLifetime
{
    private const string Session = "class";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly string socket = $"labrunner-class-{Guid.NewGuid():N}";
    private readonly TempDirectory data = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await TmuxAsync("kill-server");
        data.Dispose();
    }

    [PeerFact(RealPeer.Tmux)]
    public async Task The_live_grid_refreshes_filters_shows_reasons_and_quits()
    {
        await StartAsync(110, 30, "--watch 1");

        var screen = await UntilAsync("the grid", text => text.Contains("READ-ONLY", StringComparison.Ordinal) && text.Contains(" dave ", StringComparison.Ordinal));
        Assert.Contains("passed (of 5)", screen, StringComparison.Ordinal);
        Assert.Matches(@"(?s)alice.*frank.*bob.*carol.*dave", screen);

        var requests = Requests(screen);
        await UntilAsync("a refresh on its own", text => Requests(text) > requests);

        await TmuxAsync("send-keys", "-t", Session, "/", "fr");
        await UntilAsync("only frank", text => text.Contains(" frank ", StringComparison.Ordinal) && !text.Contains(" dave ", StringComparison.Ordinal));

        // Enter leaves the filter for the grid, Enter again opens the selected learner (Escape then Enter at once would read as Alt+Enter).
        await TmuxAsync("send-keys", "-t", Session, "Enter");
        await TmuxAsync("send-keys", "-t", Session, "Enter");
        await UntilAsync("frank's reasons", text => text.Contains("frank: every step", StringComparison.Ordinal)
            && text.Contains("belongs to aurora-alice-cluster", StringComparison.Ordinal));

        await TmuxAsync("send-keys", "-t", Session, "Escape");
        await UntilAsync("the grid again", text => !text.Contains("frank: every step", StringComparison.Ordinal));
        await TmuxAsync("send-keys", "-t", Session, "q");
        await UntilAsync("a clean exit", text => text.Contains("EXITED 0", StringComparison.Ordinal));
    }

    [PeerFact(RealPeer.Tmux)]
    public async Task At_80_by_24_an_acknowledged_step_a_stuck_learner_and_a_failed_refresh_under_an_intact_header()
    {
        var arn = (await seeded.Client.DescribeDBClustersAsync(new DescribeDBClustersRequest { DBClusterIdentifier = "aurora-dave-cluster" })).DBClusters[0].DBClusterArn!;
        await seeded.Client.AddTagsToResourceAsync(new AddTagsToResourceRequest(arn, [AcknowledgementTags.For("snapshot-actions", seeded.Sandbox.Time.GetUtcNow())]));
        await StartAsync(80, 24, "--watch 1");

        // The seeded resources are far older than 10 minutes on the real clock: whoever has not finished is stuck.
        var screen = await UntilAsync("the grid", text => text.Contains(" dave ", StringComparison.Ordinal));
        var lines = screen.Split('\n');
        Assert.StartsWith(" READ-ONLY class view · endpoint", lines[0]);
        Assert.Matches(@" dave +✓ +✓ +✓ +☑ +✓ +4/4", screen);
        Assert.Matches(@" alice .*stuck", screen);
        Assert.DoesNotMatch(@" dave .*stuck", screen);
        Assert.Contains("4 stuck", screen, StringComparison.Ordinal);

        seeded.Sandbox.Host.Faults = FaultSpec.None with { Error500 = 1 };
        try
        {
            screen = await UntilAsync("a failed refresh", text => text.Contains("REFRESH FAILED", StringComparison.Ordinal));
        }
        finally
        {
            seeded.Sandbox.Host.Faults = FaultSpec.None;
        }
        lines = screen.Split('\n');
        Assert.StartsWith(" READ-ONLY class view · endpoint", lines[0]);
        Assert.StartsWith(" refreshed ", lines[1]);
        Assert.StartsWith(" REFRESH FAILED", lines[3]);
        Assert.Contains(" dave ", screen, StringComparison.Ordinal);

        await TmuxAsync("send-keys", "-t", Session, "!");
        await UntilAsync("stuck learners only", text => text.Contains("stuck learners only", StringComparison.Ordinal) && !text.Contains(" dave ", StringComparison.Ordinal));
        await TmuxAsync("send-keys", "-t", Session, "q");
        await UntilAsync("a clean exit", text => text.Contains("EXITED 0", StringComparison.Ordinal));
    }

    private async Task StartAsync(int columns, int rows, string options)
    {
        var binary = LabRunnerBinary.Path;
        // The test process hides the console from Terminal.Gui (DisableRealDriverIO); the binary under test must not inherit that.
        var command = $"env -u DisableRealDriverIO '{binary}' --data-dir '{data.Path}' class '{SeededClass.LabPath}' --endpoint {seeded.Sandbox.Uri} --discover {options}; echo EXITED $?; sleep 60";
        await TmuxAsync("new-session", "-d", "-s", Session, "-x", columns.ToString(System.Globalization.CultureInfo.InvariantCulture), "-y", rows.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-e", "AWS_ACCESS_KEY_ID=AKIDLABRUNNERTEST", "-e", "AWS_SECRET_ACCESS_KEY=labrunner-test-secret", "-e", "AWS_REGION=us-east-1",
            "-e", "AWS_PROFILE=", "-e", "TERM=xterm-256color", command);
    }

    private static long Requests(string screen) =>
        RequestCount().Match(screen) is { Success: true } match ? long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : -1;

    [GeneratedRegex(@"(\d+) requests")]
    private static partial Regex RequestCount();

    private async Task<string> UntilAsync(string what, Func<string, bool> condition)
    {
        var clock = Stopwatch.StartNew();
        var screen = "";
        while (clock.Elapsed < Patience)
        {
            screen = (await TmuxAsync("capture-pane", "-p", "-t", Session)).StandardOutput;
            if (condition(screen))
                return screen;
            await Task.Delay(100);
        }
        Assert.Fail($"Waited {Patience.TotalSeconds} s for {what}; the screen is:\n{screen}");
        return screen;
    }

    private Task<ProcessResult> TmuxAsync(params string[] arguments) =>
        ExternalProcess.RunAsync("tmux", ["-L", socket, .. arguments], timeout: TimeSpan.FromSeconds(20));
}
