using LabRunner.TestSupport;
using LabRunner.TestSupport.Peers;
using LabRunner.TestSupport.Terminals;

namespace LabRunner.Fronts.Tests.EndToEnd;

/// <summary>
/// The real binary in tmux on the sandbox: a fresh learner does every step of the lab by hand, with the real AWS CLI in
/// the practice shell (s), never with p; back in the lab after each step it is checked at once and passes, up to the recap.
/// </summary>
public sealed class PracticeShellTests : IDisposable
{
    private static readonly TimeSpan Patience = TuiInTmux.Patience;
    private readonly TempDirectory data = new();
    private TmuxSession? tmux;

    [PeerFact(RealPeer.Tmux, RealPeer.AwsCli)]
    public void A_fresh_learner_does_the_whole_lab_by_hand_in_the_practice_shell()
    {
        // bash as the learner's shell, and no AWS configuration of this machine's in the way.
        tmux = TuiInTmux.Start(data.Path, snapshotSeconds: 3,
            "SHELL=/bin/bash AWS_CONFIG_FILE=/nonexistent/config AWS_SHARED_CREDENTIALS_FILE=/nonexistent/credentials AWS_PROFILE=work");
        Wait("Aurora backups and snapshots");
        Keys("Enter");
        Wait("Your details");
        tmux.Type("pat");
        Wait("snapshot         aurora-pat-snap1");
        Keys("Enter");
        Wait("Step 1 of 8 · Find your cluster");
        Wait("s shell");

        InPracticeShell(
            "aws rds describe-db-clusters --db-cluster-identifier aurora-pat-cluster --query 'DBClusters[0].[Status, DBClusterMembers[?IsClusterWriter].DBInstanceIdentifier]' --output text",
            "available\naurora-pat-instance-1");
        // Passed at once, and the lab moves on by itself.
        Wait("✓ Find your cluster: passed, cluster aurora-pat-cluster is available");
        Wait("Step 2 of 8 · Take a manual snapshot");
        InPracticeShell(
            "aws rds create-db-cluster-snapshot --db-cluster-identifier aurora-pat-cluster --db-cluster-snapshot-identifier aurora-pat-snap1 --query DBClusterSnapshot.Status --output text",
            "creating");
        Wait("✓ Take a manual snapshot");

        Wait("Step 3 of 8 · Wait for the snapshot");
        InPracticeShell(
            "until [ \"$(aws rds describe-db-cluster-snapshots --db-cluster-snapshot-identifier aurora-pat-snap1 --query 'DBClusterSnapshots[0].Status' --output text)\" = available ]; do sleep 1; done; echo the snapshot is available",
            "the snapshot is available");
        Wait("✓ Wait for the snapshot: passed, snapshot aurora-pat-snap1 of");
        Wait("Step 4 of 8 · See what a snapshot offers");
        InPracticeShell(
            "aws rds describe-db-cluster-snapshots --db-cluster-snapshot-identifier aurora-pat-snap1 --query 'DBClusterSnapshots[0].SnapshotType' --output text",
            "manual");
        Keys("a");
        Wait("Step 5 of 8 · Move the backup window");
        Wait("✗ Not yet: backup window is 07:10-07:40");
        InPracticeShell(
            "aws rds modify-db-cluster --db-cluster-identifier aurora-pat-cluster --preferred-backup-window 05:00-05:45 --apply-immediately --query DBCluster.PreferredBackupWindow --output text",
            "05:00-05:45");
        var recap = Wait("Well done");
        Assert.Contains("4 of 4 checked steps passed, 1 of 1 step you do yourself done", recap);

        Keys("q");
        Assert.DoesNotContain("LabRunner ·", Wait("labrunner exited with 0"));
    }

    /// <summary>s, the command typed at the shell's prompt, its answer awaited, then exit; the lab's screen is back.</summary>
    private void InPracticeShell(string command, string answer)
    {
        Keys("s");
        Wait("LabRunner SANDBOX practice shell");
        tmux!.WaitFor("the shell's prompt", AtPrompt, Patience);
        // Ctrl-C belongs to the shell (it takes the terminal's foreground), not to LabRunner waiting behind it.
        Keys("C-c");
        tmux.WaitFor("a new prompt after ^C", screen => screen.Contains("^C") && AtPrompt(screen), Patience);
        tmux.Type($"{command}; echo \"answered $?\"");
        Keys("Enter");
        var shell = Wait($"{answer}\nanswered 0");
        Assert.DoesNotContain("LabRunner ·", shell);
        tmux.Type("exit");
        Keys("Enter");
        Wait("LabRunner · Aurora backups and snapshots");
    }

    private static bool AtPrompt(string screen) => screen.TrimEnd().EndsWith('$') || screen.TrimEnd().EndsWith('#');

    private string Wait(string text) => tmux!.WaitFor(text, Patience);

    private void Keys(params string[] keys) => tmux!.SendKeys(keys);

    public void Dispose()
    {
        tmux?.Dispose();
        data.Dispose();
    }
}
