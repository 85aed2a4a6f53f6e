using System.Text.RegularExpressions;
using LabRunner.TestSupport;
using LabRunner.TestSupport.Peers;
using LabRunner.TestSupport.Terminals;

namespace LabRunner.Fronts.Tests.EndToEnd;

/// <summary>
/// The real <c>labrunner</c> binary in a real terminal (tmux, 80×24) on the sandbox, driven as a person would: through
/// the whole Aurora lab, quit, reopen, and find it resumed as complete. Snapshots take a few seconds here.
/// </summary>
public sealed partial class TuiInTmuxTests : IDisposable
{
    private static readonly TimeSpan Patience = TuiInTmux.Patience;
    private readonly TempDirectory data = new();
    private TmuxSession? tmux;

    [PeerFact(RealPeer.Tmux)]
    public void A_learner_completes_the_Aurora_lab_in_the_real_binary_and_reopens_it_complete()
    {
        tmux = TuiInTmux.Start(data.Path, snapshotSeconds: 6);

        Wait("Aurora backups and snapshots");
        Keys("Enter");
        Wait("Your details");
        tmux.Type("alice");
        Wait("snapshot         aurora-alice-snap1");
        Keys("Enter");
        Wait("Step 1 of 8 · Find your cluster");
        Wait("✓ Passed: cluster aurora-alice-cluster is");

        Keys("n");
        Wait("Step 2 of 8 · Take a manual snapshot");
        Keys("Enter");
        tmux.WaitFor("the result under the page and in the notice line", screen => screen.Contains("✗ Not yet: snapshot aurora-alice-snap1 not", StringComparison.Ordinal)
            && screen.Contains("✗ Take a manual snapshot: not yet, snapshot aurora-alice-snap1 not found.", StringComparison.Ordinal), Patience);
        Wait("▸✗ Take a manual snapshot");

        Keys("p");
        // A frame reaches tmux in several writes: wait for the whole dialog, not only its title.
        tmux.WaitFor("the perform dialog with the command it runs", screen => screen.Contains("Perform: Take a manual snapshot", StringComparison.Ordinal)
            && screen.Contains("aws rds create-db-cluster-snapshot \\", StringComparison.Ordinal)
            && screen.Contains("--db-cluster-snapshot-identifier aurora-alice-snap1 \\", StringComparison.Ordinal), Patience);
        Keys("Enter");
        Wait("Step 3 of 8 · Wait for the snapshot");
        tmux.WaitFor("a progress bar part way", screen => PartWay().IsMatch(screen), Patience);
        tmux.WaitFor("the percent in the step list", screen => StepListPercent().IsMatch(screen), Patience);
        Wait("✓ Passed: snapshot aurora-alice-snap1 of");

        Keys("n");
        Wait("Step 4 of 8 · See what a snapshot offers");
        Keys("a");
        Wait("Step 5 of 8 · Move the backup window");
        Wait("✗ Not yet: backup window is 07:10-07:40");
        Keys("p");
        Wait("aws rds modify-db-cluster \\");
        Keys("Enter");
        var recap = Wait("Well done");
        Assert.Contains("4 of 4 checked steps passed, 1 of 1 step you do yourself done", recap);
        Assert.Contains("x clean up", recap);

        Keys("q");
        var after = Wait("labrunner exited with 0");
        Assert.DoesNotContain("LabRunner ·", after);

        tmux.Respawn(TuiInTmux.Command(data.Path, snapshotSeconds: 6), Repository.Root);
        Wait("██████████ 5/5 alice");
        Keys("Enter");
        Wait("› alice");
        Keys("Enter");
        Wait("Well done");
        Keys("b");
        Wait("Steps · 5/5 done");
        tmux.WaitFor("every step done once re-checked", screen => DoneRows.All(screen.Contains), Patience);

        Keys("C-c");
        Assert.DoesNotContain("LabRunner ·", Wait("labrunner exited with 0"));
    }

    /// <summary>Each step's row when the lab is complete (a row shows "…" while it is being re-checked).</summary>
    internal static readonly string[] DoneRows =
        ["✓ Find your cluster", "✓ Take a manual snapshot", "✓ Wait for the snapshot", "☑ See what a snapshot offers", "✓ Move the backup window"];

    private string Wait(string text) => tmux!.WaitFor(text, Patience);

    private void Keys(params string[] keys) => tmux!.SendKeys(keys);


    [GeneratedRegex(@"\[█+ *\] +([1-9]|[1-9][0-9]) % · \d+:\d\d waited")]
    private static partial Regex PartWay();

    [GeneratedRegex(@"◐ Wait for the snapshot +([1-9]|[1-9][0-9])%")]
    private static partial Regex StepListPercent();

    public void Dispose()
    {
        tmux?.Dispose();
        data.Dispose();
    }
}
