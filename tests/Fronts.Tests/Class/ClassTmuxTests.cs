using System.Text.RegularExpressions;
using LabRunner.Engine.Progress;
using LabRunner.Rds.Model;
using LabRunner.Sandbox.Http;
using LabRunner.TestSupport;
using LabRunner.TestSupport.Class;
using LabRunner.TestSupport.Peers;
using LabRunner.TestSupport.Terminals;

namespace LabRunner.Fronts.Tests.Class;

/// <summary>
/// The real <c>labrunner class</c> binary in a real terminal (<see cref="TmuxSession"/>) against a seeded sandbox:
/// the live grid appears, refreshes on its own, filters, shows a learner's reasons, and quits cleanly; at 80×24 it shows
/// an acknowledged manual step, stuck learners, a failed refresh on its own line under an intact header, and the
/// optional steps (--optional) in one column beside the required ones.
/// </summary>
public sealed partial class ClassTmuxTests(SeededClass seeded) : IClassFixture<SeededClass>, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly TempDirectory data = new();
    private TmuxSession? tmux;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        tmux?.Dispose();
        data.Dispose();
        return Task.CompletedTask;
    }

    [PeerFact(RealPeer.Tmux)]
    public void The_live_grid_refreshes_filters_shows_reasons_and_quits()
    {
        Start(110, 30, "--watch 1");

        var screen = Until("the grid", text => text.Contains("READ-ONLY", StringComparison.Ordinal) && text.Contains(" dave ", StringComparison.Ordinal));
        Assert.Contains("passed (of 5)", screen, StringComparison.Ordinal);
        Assert.Matches(@"(?s)alice.*frank.*bob.*carol.*dave", screen);

        var requests = Requests(screen);
        Until("a refresh on its own", text => Requests(text) > requests);

        Terminal.SendKeys("/", "fr");
        Until("only frank", text => text.Contains(" frank ", StringComparison.Ordinal) && !text.Contains(" dave ", StringComparison.Ordinal));

        // Enter leaves the filter for the grid, Enter again opens the selected learner (Escape then Enter at once would read as Alt+Enter).
        Terminal.SendKeys("Enter");
        Terminal.SendKeys("Enter");
        Until("frank's reasons", text => text.Contains("frank: every step", StringComparison.Ordinal)
            && text.Contains("belongs to aurora-alice-cluster", StringComparison.Ordinal));

        Terminal.SendKeys("Escape");
        Until("the grid again", text => !text.Contains("frank: every step", StringComparison.Ordinal));
        Terminal.SendKeys("q");
        Until("a clean exit", text => text.Contains("EXITED 0", StringComparison.Ordinal));
    }

    [PeerFact(RealPeer.Tmux)]
    public async Task At_80_by_24_an_acknowledged_step_a_stuck_learner_and_a_failed_refresh_under_an_intact_header()
    {
        var arn = (await seeded.Client.DescribeDBClustersAsync(new DescribeDBClustersRequest { DBClusterIdentifier = "aurora-dave-cluster" })).DBClusters[0].DBClusterArn!;
        await seeded.Client.AddTagsToResourceAsync(new AddTagsToResourceRequest(arn, [AcknowledgementTags.For("snapshot-actions", seeded.Sandbox.Time.GetUtcNow())]));
        Start(80, 24, "--watch 1");

        // The seeded resources are far older than 10 minutes on the real clock: whoever has not finished is stuck.
        var screen = Until("the grid", text => text.Contains(" dave ", StringComparison.Ordinal));
        var lines = screen.Split('\n');
        Assert.StartsWith(" READ-ONLY class view · endpoint", lines[0]);
        Assert.Matches(@" dave +✓ +✓ +✓ +☑ +✓ +4/4", screen);
        Assert.Matches(@" alice .*stuck", screen);
        Assert.DoesNotMatch(@" dave .*stuck", screen);
        Assert.Contains("4 stuck", screen, StringComparison.Ordinal);

        seeded.Sandbox.Host.Faults = FaultSpec.None with { Error500 = 1 };
        try
        {
            screen = Until("a failed refresh", text => text.Contains("REFRESH FAILED", StringComparison.Ordinal));
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

        Terminal.SendKeys("!");
        Until("stuck learners only", text => text.Contains("stuck learners only", StringComparison.Ordinal) && !text.Contains(" dave ", StringComparison.Ordinal));
        Terminal.SendKeys("q");
        Until("a clean exit", text => text.Contains("EXITED 0", StringComparison.Ordinal));
    }

    [PeerFact(RealPeer.Tmux)]
    public void At_80_by_24_with_the_optional_steps_the_required_columns_stay_numbered_and_the_optional_ones_share_one_column()
    {
        Start(80, 24, "--watch 60 --optional");

        var screen = Until("the grid", text => text.Contains(" dave ", StringComparison.Ordinal));
        var header = screen.Split('\n').Single(line => line.Contains(" learner ", StringComparison.Ordinal));
        Assert.Matches(@"^ learner +#1 +#2 +#3 +#4 +#5 +progress +opt +idle *$", header);
        Assert.Matches(@" dave +✓ +✓ +✓ +[☐☑] +✓ +4/4 +0/3 ", screen);
        Assert.Matches(@" alice +✓ +✗ +✗ +☐ +✗ +1/4 +0/3 ", screen);

        Terminal.SendKeys("q");
        Until("a clean exit", text => text.Contains("EXITED 0", StringComparison.Ordinal));
    }

    private TmuxSession Terminal => tmux ?? throw new InvalidOperationException("Start the class view first.");

    private void Start(int columns, int rows, string options)
    {
        // The test process hides the console from Terminal.Gui (DisableRealDriverIO); the binary under test must not inherit that.
        var command = $"env -u DisableRealDriverIO AWS_ACCESS_KEY_ID=AKIDLABRUNNERTEST AWS_SECRET_ACCESS_KEY=labrunner-test-secret AWS_REGION=us-east-1 AWS_PROFILE= TERM=xterm-256color "
            + $"{TmuxSession.Quote(LabRunnerBinary.Path)} --data-dir {TmuxSession.Quote(data.Path)} class {TmuxSession.Quote(SeededClass.LabPath)} --endpoint {seeded.Sandbox.Uri} --discover {options}; echo EXITED $?; sleep 60";
        tmux = TmuxSession.Start(command, columns, rows, Repository.Root);
    }

    private static long Requests(string screen) =>
        RequestCount().Match(screen) is { Success: true } match ? long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : -1;

    [GeneratedRegex(@"(\d+) requests")]
    private static partial Regex RequestCount();

    private string Until(string what, Func<string, bool> condition) => Terminal.WaitFor(what, condition, Patience);
}
