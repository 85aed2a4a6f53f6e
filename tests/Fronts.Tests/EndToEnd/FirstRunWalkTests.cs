using LabRunner.TestSupport;
using LabRunner.TestSupport.Peers;
using LabRunner.TestSupport.Terminals;

namespace LabRunner.Fronts.Tests.EndToEnd;

/// <summary>
/// A new attendee's first run, in the real binary at 80×24 on the sandbox: the details refuse a backup window too
/// short, accept one RDS then refuses (it overlaps the cluster's maintenance window), and the learner fixes it from
/// the lab screen, finishes, cleans up and quits, told where their progress is and how to resume.
/// </summary>
public sealed class FirstRunWalkTests : IDisposable
{
    private static readonly TimeSpan Patience = TuiInTmux.Patience;
    private readonly TempDirectory data = new();
    private TmuxSession? tmux;

    [PeerFact(RealPeer.Tmux)]
    public void A_first_run_gets_from_a_bad_backup_window_to_the_recap_cleanup_and_a_resume_hint()
    {
        tmux = TuiInTmux.Start(data.Path, snapshotSeconds: 3);

        Wait("Aurora backups and snapshots");
        Keys("Enter");
        var details = Wait("Your details");
        Assert.DoesNotContain("✗", details);
        tmux.Type("alice");
        Wait("snapshot         aurora-alice-snap1");
        Keys("Tab");
        ReplaceField("05:00-05:10");
        var tooShort = Wait("lasts 10 minutes");
        Assert.DoesNotContain("[0-5]", tooShort);
        ReplaceField("09:00-09:45");
        Wait("snapshot         aurora-alice-snap1");
        Assert.DoesNotContain("✗", tmux.Capture());
        Keys("Enter");

        Wait("Step 1 of 8 · Find your cluster");
        Wait("✓ Passed: cluster aurora-alice-cluster is");
        Keys("n");
        Wait("Step 2 of 8 · Take a manual snapshot");
        Keys("p");
        Wait("Perform: Take a manual snapshot");
        Keys("Enter");
        Wait("Step 3 of 8 · Wait for the snapshot");
        Wait("✓ Passed: snapshot aurora-alice-snap1");
        Keys("n");
        Wait("Step 4 of 8 · See what a snapshot offers");
        Keys("a");
        Wait("Step 5 of 8 · Move the backup window");
        Keys("p");
        Wait("--preferred-backup-window 09:00-09:45");
        Keys("Enter");
        Assert.Contains(NoticeCue, Wait("! Could not set backup window 09:00-09:45"));
        Keys("m");
        Wait("must not overlap");
        Wait("d: change your details");
        Keys("Escape");
        tmux.WaitFor("the dialog closed", screen => !screen.Contains("must not overlap"), Patience);

        Keys("d");
        Wait("✗ backup_window: '09:00-09:45' overlaps your cluster's weekly maintenance");
        Wait("Esc back to the lab, unchanged");
        ReplaceField("05:00-05:45");
        Wait("snapshot         aurora-alice-snap1");
        Keys("Enter");
        Wait("Step 5 of 8 · Move the backup window");
        Wait("✗ Not yet: backup window is 07:10-07:40");
        Keys("p");
        Wait("--preferred-backup-window 05:00-05:45");
        Keys("Enter");

        var recap = Wait("Well done");
        Assert.Contains("Created for you: aurora-alice-snap1", recap);
        Assert.Contains("4 of 4 checked steps passed, 1 of 1 step you do yourself done.", recap);
        Keys("x");
        // Cleanup knows every resource the lab may create, the optional section's too, and undoes them in dependency order.
        Assert.Contains(WithoutSpaces("LabRunner will stop sharing snapshot aurora-alice-snap1 with account 123456789012, delete instance aurora-alice-restored-1 and "
            + "cluster aurora-alice-restored, delete snapshot aurora-alice-snap1-copy and delete snapshot aurora-alice-snap1 on the SANDBOX (local practice, nothing real)."),
            WithoutSpaces(DialogText(Wait("The same as running"))));
        Keys("Enter");
        Wait("Cleaned up");
        tmux.WaitFor("the recap refreshed", screen => !screen.Contains("x clean up") && !screen.Contains("Created for you"), Patience);
        Keys("q");
        // Long paths wrap at 80 columns.
        var after = Wait("labrunner exited with 0").Replace("\n", "", StringComparison.Ordinal);
        Assert.Contains($"Your progress in Aurora backups and snapshots is saved in  {data.Path}/progress/aurora-backup/sandbox/alice.json", after);
        Assert.Contains($"To resume where you left off, run  labrunner run labs/aurora-backup --var yourname=alice --data-dir {data.Path}", after);
    }

    private const string NoticeCue = "… m: more";

    /// <summary>The text inside the dialog's heavy box on <paramref name="screen"/>, its lines joined.</summary>
    private static string DialogText(string screen) => string.Concat(screen.Split('\n')
        .Where(line => line.Count(character => character == '┃') >= 2)
        .Select(line => line[(line.IndexOf('┃') + 1)..line.LastIndexOf('┃')]));

    /// <summary>Wrapped text compared whatever the wrapping: no spaces at all.</summary>
    private static string WithoutSpaces(string text) => string.Concat(text.Where(character => !char.IsWhiteSpace(character)));

    /// <summary>Empties the focused field and types <paramref name="text"/> into it.</summary>
    private void ReplaceField(string text)
    {
        Keys([.. Enumerable.Repeat("BSpace", 12)]);
        tmux!.Type(text);
    }

    private string Wait(string text) => tmux!.WaitFor(text, Patience);

    private void Keys(params string[] keys) => tmux!.SendKeys(keys);


    public void Dispose()
    {
        tmux?.Dispose();
        data.Dispose();
    }
}
