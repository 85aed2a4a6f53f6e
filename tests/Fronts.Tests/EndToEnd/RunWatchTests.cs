using LabRunner.TestSupport;
using LabRunner.TestSupport.Peers;
using LabRunner.TestSupport.Terminals;

namespace LabRunner.Fronts.Tests.EndToEnd;

/// <summary><c>labrunner run LAB --watch</c> in the real binary: an author saves a page and the manifest, and sees both at once, at the step they were on.</summary>
public sealed class RunWatchTests : IDisposable
{
    private readonly TempDirectory data = new();
    private readonly TempDirectory labs = new();
    private TmuxSession? tmux;

    [PeerFact(RealPeer.Tmux)]
    public void Saving_the_manifest_and_a_page_shows_both_at_the_step_the_author_was_on()
    {
        var lab = labs.CopyFrom(Repository.PathOf("labs", "aurora-backup"), "aurora-backup");
        tmux = TuiInTmux.Start(data.Path, snapshotSeconds: 1, arguments: $"run {TmuxSession.Quote(lab)} --watch --var yourname=alice");
        tmux.WaitFor("Step 1 of 8 · Find your cluster", TuiInTmux.Patience);
        tmux.SendKeys("n");
        tmux.WaitFor("Step 2 of 8 · Take a manual snapshot", TuiInTmux.Patience);

        var manifest = Path.Join(lab, "lab.yaml");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("title: Take a manual snapshot", "title: Snapshot your cluster", StringComparison.Ordinal));
        var page = Path.Join(lab, "pages", "take-snapshot.md");
        File.WriteAllText(page, File.ReadAllText(page).Replace("# Take a manual snapshot\n", "# Take a manual snapshot\n\nEdited while watching.\n", StringComparison.Ordinal));

        var screen = tmux.WaitFor("the new title and page text at step 2", text => text.Contains("Step 2 of 8 · Snapshot your cluster", StringComparison.Ordinal)
            && text.Contains("Edited while watching.", StringComparison.Ordinal), TuiInTmux.Patience);
        Assert.Matches(@"▸\S Snapshot your cluster", screen);

        tmux.SendKeys("q");
        tmux.WaitFor("labrunner exited with 0", TuiInTmux.Patience);
    }

    public void Dispose()
    {
        tmux?.Dispose();
        labs.Dispose();
        data.Dispose();
    }
}
