using System.Text.RegularExpressions;
using LabRunner.Engine.Targets;
using LabRunner.Fronts.Tests.Headless;
using LabRunner.Sandbox.Http;
using LabRunner.TestSupport;
using LabRunner.TestSupport.Sandbox;
using LabRunner.Tui;
using LabRunner.Tui.Hosting;
using LabRunner.Tui.Theme;
using LabRunner.Tui.Widgets;
using Terminal.Gui.Input;
using static LabRunner.Fronts.Tests.Headless.ScriptStep;

namespace LabRunner.Fronts.Tests.Tui;

/// <summary>
/// The whole TUI (picker, details, lab screen, recap) at 80×24 on the real sandbox, whose clock the script moves: a
/// snapshot's progress is watched without sleeping.
/// </summary>
public sealed partial class TuiFlowTests : IAsyncLifetime
{
    private readonly TempDirectory data = new();
    private SandboxFixture sandbox = null!;
    private readonly List<string> logged = [];

    private readonly Xunit.Abstractions.ITestOutputHelper output;

    public TuiFlowTests(Xunit.Abstractions.ITestOutputHelper output) => this.output = output;

    public async Task InitializeAsync() => sandbox = await SandboxFixture.StartAsync();

    public async Task DisposeAsync()
    {
        await sandbox.DisposeAsync();
        data.Dispose();
    }

    [Fact]
    public void A_learner_goes_through_the_Aurora_lab_to_the_recap_and_finds_it_complete_when_reopening()
    {
        using (var terminal = new HeadlessTerminal())
        {
            var result = TuiResult.Quit;
            terminal.Drive(() => result = new TuiFlow(terminal.App, Options()).Run(),
                WaitFor("Aurora backups and snapshots"),
                Press(Key.Enter),
                WaitFor("Your details"),
                Type("alice"),
                WaitFor("snapshot         aurora-alice-snap1"),
                Press(Key.Enter),
                WaitFor("Step 1 of 8 · Find your cluster"),
                WaitFor("✓ Passed: cluster aurora-alice-cluster is"),
                WaitFor("▸✓ Find your cluster"),
                Press('n'),
                WaitFor("Step 2 of 8 · Take a manual snapshot"),
                Press(Key.Enter),
                WaitFor("✗ Not yet: snapshot aurora-alice-snap1 not"),
                WaitFor("▸✗ Take a manual snapshot"),
                Expect("what to press next", screen => screen.Contains("p: let LabRunner do it")),
                Press('p'),
                WaitFor("Perform: Take a manual snapshot"),
                Expect("the exact AWS CLI command", screen => screen.Contains("aws rds create-db-cluster-snapshot \\")
                    && screen.Contains("--db-cluster-snapshot-identifier aurora-alice-snap1 \\")
                    && screen.Contains("--db-cluster-identifier aurora-alice-cluster \\")
                    && screen.Contains($"--endpoint-url {sandbox.Uri.ToString().TrimEnd('/')}")),
                Press(Key.Enter),
                WaitFor("Step 3 of 8 · Wait for the snapshot"),
                WaitFor("◐ In progress: snapshot aurora-alice-snap1"),
                WaitFor(" ✓ Take a manual snapshot"),
                Expect("an empty progress bar", screen => screen.Contains("0 % · 0:00 waited")),
                Do("move the sandbox's clock half a minute", _ => sandbox.Time.Advance(TimeSpan.FromSeconds(30))),
                WaitFor("a progress bar part way with the time waited", screen => PartWay().IsMatch(screen) && screen.Contains("0:30 waited")),
                WaitFor("the percent in the step list", screen => StepListPercent().IsMatch(screen)),
                Do("move the clock past the snapshot's minute", _ => sandbox.Time.Advance(TimeSpan.FromSeconds(40))),
                WaitFor("✓ Passed: snapshot aurora-alice-snap1 of"),
                Press('n'),
                WaitFor("Step 4 of 8 · See what a snapshot offers"),
                WaitFor("▸☐ See what a snapshot offers"),
                Expect("what to do on a manual step", screen => screen.Contains("a: mark it done")),
                Press('a'),
                WaitFor("Step 5 of 8 · Move the backup window"),
                WaitFor(" ☑ See what a snapshot offers"),
                WaitFor("✗ Not yet: backup window is 07:10-07:40"),
                Press('p'),
                WaitFor("aws rds modify-db-cluster \\"),
                Press(Key.Enter),
                WaitFor("Well done"),
                Expect("the summary", screen => screen.Contains("4 of 4 checked steps passed, 1 of 1 step you do yourself done")
                    && screen.Contains("Time taken: 1 min") && screen.Contains("Created for you: aurora-alice-snap1")),
                Expect("the optional steps counted apart", screen => screen.Contains("Optional: 0 of 3 steps done; b: back to the steps to try them.")),
                Expect("the recap page as a framed callout", screen => screen.Contains("│ Key points ") && Regex.Count(screen, "Recap") == 1 && screen.Contains("• A snapshot is stored in Amazon S3")),
                Expect("the recap's link with its address", screen => screen.Contains("(https://docs.aws.amazon.com/AmazonRDS/")),
                Press('o'),
                WaitFor("the recap's links", screen => screen.Contains("Links on this page") && screen.Contains("1. ") && screen.Contains("https://docs.aws.amazon.com/AmazonRDS/")),
                Press(Key.Esc),
                WaitFor("the links closed", screen => !screen.Contains("Links on this page")),
                Expect("the cleanup key", screen => screen.Contains("x clean up")),
                Press('q'));
            Assert.Equal(TuiEnd.Quit, result.End);
        }

        using (var reopened = new HeadlessTerminal())
        {
            reopened.Drive(() => new TuiFlow(reopened.App, Options()).Run(),
                WaitFor("██████████ 5/5 alice"),
                Press(Key.Enter),
                WaitFor("› alice"),
                Press(Key.Enter),
                WaitFor("Well done"),
                Press('b'),
                WaitFor("Steps · 5/5 done"),
                WaitFor("every step done once re-checked", screen => EndToEnd.TuiInTmuxTests.DoneRows.All(screen.Contains)),
                Press('q'));
        }
        Assert.Empty(logged);
    }

    [Fact]
    public void An_API_failure_is_a_readable_line_with_a_retry_key_and_r_retries()
    {
        using var terminal = new HeadlessTerminal();
        terminal.Drive(() => new TuiFlow(terminal.App, Options() with { Lab = "aurora-backup", Variables = new Dictionary<string, string> { ["yourname"] = "bob" } }).Run(),
            WaitFor("✓ Passed: cluster aurora-bob-cluster is"),
            Do("make every sandbox call fail", _ => sandbox.Host.Faults = new FaultSpec(Error500: 1)),
            Press(Key.Enter),
            WaitFor("! Could not check"),
            Expect("the retry key", screen => screen.Contains("r: try again")),
            Expect("no stack trace", screen => !screen.Contains("   at ")),
            Do("let the sandbox answer again", _ => sandbox.Host.Faults = FaultSpec.None),
            Press('r'),
            WaitFor("Re-checked every step: 1 of 4 checked steps passed; optional: 0 of 3 done."),
            Expect("the step passed again", screen => screen.Contains("✓ Passed: cluster aurora-bob-cluster is")),
            Press('q'));
    }

    [Fact]
    public void Keys_move_between_steps_and_open_the_help_and_the_hint()
    {
        using var terminal = new HeadlessTerminal();
        terminal.Drive(() => new TuiFlow(terminal.App, Options() with { Lab = "aurora-backup", Variables = new Dictionary<string, string> { ["yourname"] = "carol" } }).Run(),
            WaitFor("Step 1 of 8"),
            Press(Key.CursorRight),
            WaitFor("Step 2 of 8"),
            Press('n', 'n'),
            WaitFor("Step 4 of 8"),
            Press(Key.CursorLeft),
            WaitFor("Step 3 of 8"),
            Press('b'),
            WaitFor("Step 2 of 8"),
            Press('h'),
            WaitFor("Hint · Take a manual snapshot"),
            Expect("the hint with the learner's names", screen => screen.Contains("aurora-carol-instance-1") && screen.Contains("aurora-carol-snap1")),
            Press(Key.Esc),
            Press('?'),
            WaitFor("re-check every step"),
            Expect("every key described", screen => new[] { "Enter, c", "perform it for you", "n, →", "b, ←", "mark a step you do yourself", "q, Ctrl-C" }.All(screen.Contains)),
            Press(Key.Esc),
            WaitFor("the help closed", screen => !screen.Contains("re-check every step")),
            Press(Key.CursorDown),
            WaitFor("↓ chooses the next step after the help", screen => screen.Contains("Step 3 of 8")),
            Press(Key.CursorUp),
            WaitFor("Step 2 of 8"),
            Press('a'),
            WaitFor("LabRunner checks Take a manual snapshot itself: press Enter."),
            Press(Key.C.WithCtrl));
    }

    [Fact]
    public void The_optional_section_is_marked_and_performed_with_progress_until_the_restored_cluster_is_available()
    {
        using var terminal = new HeadlessTerminal(100, 30);
        terminal.Drive(() => new TuiFlow(terminal.App, Options() with { Lab = "aurora-backup", Variables = new Dictionary<string, string> { ["yourname"] = "olga" } }).Run(),
            WaitFor("Step 1 of 8 · Find your cluster"),
            WaitFor("the optional section and its steps marked, counted apart", screen => screen.Contains("Do it for real (optional)")
                && screen.Contains("Steps · 1/5 done · +0/3")),
            Press('n'),
            WaitFor("Step 2 of 8 · Take a manual snapshot"),
            Press('p'),
            WaitFor("Perform: Take a manual snapshot"),
            Press(Key.Enter),
            WaitFor("Step 3 of 8"),
            Do("let the snapshot finish", _ => sandbox.Time.Advance(TimeSpan.FromHours(1))),
            WaitFor("✓ Passed: snapshot aurora-olga-snap1 of"),
            Do("open the restore step", t => Click(t, "Restore the snapshot")),
            WaitFor("Step 8 of 8 · Restore the snapshot · optional"),
            Press('p'),
            WaitFor("the perform dialog with both commands and no cost warning on the sandbox", screen => screen.Contains("aws rds restore-db-cluster-from-snapshot")
                && screen.Contains("aws rds create-db-instance") && !screen.Contains("COST")),
            Press(Key.Enter),
            WaitFor("◐ Restore the snapshot"),
            Do("let the cluster come up", _ => sandbox.Time.Advance(TimeSpan.FromHours(1))),
            WaitFor("✓ Passed: cluster aurora-olga-restored is available"),
            WaitFor("Steps · 3/5 done · +1/3"),
            Press('q'));
    }

    [Fact]
    public void The_mouse_opens_a_step_and_presses_the_keys_on_the_bottom_line()
    {
        using var terminal = new HeadlessTerminal();
        terminal.Drive(() => new TuiFlow(terminal.App, Options() with { Lab = "aurora-backup", Variables = new Dictionary<string, string> { ["yourname"] = "dave" } }).Run(),
            WaitFor("✓ Passed: cluster aurora-dave-cluster is"),
            Do("click the Console tab's title", t => Click(t, "Console  │")),
            WaitFor("▸ Console"),
            Do("click the console link on the page", t => Click(t, "https://console.aws.amazon.com/rds/")),
            WaitFor("the link opened, or offered to copy where no browser is", screen => OpenedLink().IsMatch(screen)),
            Press(Key.CursorDown),
            WaitFor("↓ chooses the next step after the link click", screen => screen.Contains("Step 2 of 8")),
            Do("click the fourth step", t => Click(t, "☐ See what a snapshot offers")),
            WaitFor("Step 4 of 8 · See what a snapshot offers"),
            Do("click 'a done' on the bottom line", t => Click(t, "a done")),
            WaitFor("☑ See what a snapshot offers"),
            Do("click 'q quit'", t => Click(t, "q quit")));
    }

    [Fact]
    public void On_the_sandbox_a_page_opens_on_its_AWS_CLI_tab_and_t_switches_tabs_on_this_page_and_the_next()
    {
        using var terminal = new HeadlessTerminal(100, 30);
        terminal.Drive(() => new TuiFlow(terminal.App, Options() with { Lab = "aurora-backup", Variables = new Dictionary<string, string> { ["yourname"] = "tabitha" } }).Run(),
            WaitFor("Step 1 of 8 · Find your cluster"),
            WaitFor("▸ AWS CLI"),
            Expect("the AWS CLI tab's command with the learner's names, not the console steps",
                screen => screen.Contains("aws rds describe-db-clusters") && screen.Contains("--db-cluster-identifier aurora-tabitha-cluster") && !screen.Contains("navigation pane")),
            Expect("t in the key bar", screen => screen.Contains("t tab")),
            Press('t'),
            WaitFor("▸ Console"),
            Expect("the console steps instead of the command", screen => screen.Contains("navigation pane") && !screen.Contains("describe-db-clusters")),
            Press('n'),
            WaitFor("Step 2 of 8 · Take a manual snapshot"),
            Expect("the next page opens on the tab chosen last", screen => screen.Contains("▸ Console") && screen.Contains("Take snapshot")),
            Press('t'),
            WaitFor("aws rds create-db-cluster-snapshot"),
            Press('?'),
            WaitFor("the page's other tab"),
            Press(Key.Esc),
            Press('q'));
    }

    [Fact]
    public void On_AWS_a_page_opens_on_its_Console_tab_and_there_is_no_practice_shell()
    {
        using var terminal = new HeadlessTerminal(100, 30);
        var aws = new TargetInfo(TargetKind.Aws, new Uri("https://rds.us-east-1.amazonaws.com/"), "us-east-1");
        var options = Options() with
        {
            Lab = "aurora-backup",
            Variables = new Dictionary<string, string> { ["yourname"] = "olga" },
            TargetKind = TargetKind.Aws,
            Connect = _ => SandboxLabTarget.ConnectAsync(sandbox, shownAs: aws),
        };
        terminal.Drive(() => new TuiFlow(terminal.App, options).Run(),
            WaitFor("Step 1 of 8 · Find your cluster"),
            WaitFor("▸ Console"),
            Expect("the console steps and no shell key", screen => screen.Contains("navigation pane") && screen.Contains("t tab") && !screen.Contains("s shell")),
            Press('s'),
            Press('?'),
            WaitFor("the page's other tab"),
            Expect("no practice shell in the help", screen => !screen.Contains("on the sandbox: a shell")),
            Press(Key.Esc),
            Press('q'));
    }

    [Fact]
    public void P_writes_the_progress_pass_in_the_background_and_shows_its_file_and_line()
    {
        using var terminal = new HeadlessTerminal();
        var aws = new TargetInfo(TargetKind.Aws, sandbox.Uri, "us-east-1");
        var passFile = data.PathOf("pass.json");
        var options = Options() with
        {
            Lab = "aurora-backup",
            Variables = new Dictionary<string, string> { ["yourname"] = "pia" },
            TargetKind = TargetKind.Aws,
            Connect = _ => SandboxLabTarget.ConnectAsync(sandbox, shownAs: aws, passFile: passFile),
        };
        terminal.Drive(() => new TuiFlow(terminal.App, options).Run(),
            WaitFor("Step 1 of 8 · Find your cluster"),
            Press('?'),
            WaitFor("the help names the key", screen => screen.Contains("P          your progress pass for the instructor")),
            Press(Key.Esc),
            Press('P'),
            WaitFor("Your progress pass"),
            Expect("the file and the line", screen => screen.Contains($"Wrote {passFile}") && screen.Contains("copy this line")),
            Press(Key.Esc),
            WaitFor("the notice", screen => screen.Contains("Progress pass written to") && !screen.Contains("Your progress pass")),
            Press('q'));

        var (pass, problem) = LabRunner.Engine.Passes.ProgressPass.FromJson(File.ReadAllText(passFile));
        Assert.Null(problem);
        Assert.Equal(("aurora-backup", "pia"), (pass!.Lab, pass.Variables["yourname"]));
    }

    [Fact]
    public void P_on_a_target_that_cannot_make_a_pass_says_why_and_the_lab_goes_on()
    {
        using var terminal = new HeadlessTerminal();
        terminal.Drive(() => new TuiFlow(terminal.App, Options() with { Lab = "aurora-backup", Variables = new Dictionary<string, string> { ["yourname"] = "quinn" } }).Run(),
            WaitFor("✓ Passed: cluster aurora-quinn-cluster is"),
            Press('P'),
            WaitFor("No progress pass: this test target writes no pass"),
            Press('n'),
            WaitFor("Step 2 of 8"),
            Press('q'));
    }

    [Fact]
    public void The_keyboard_lists_the_pages_links_and_opens_the_chosen_one()
    {
        using var terminal = new HeadlessTerminal();
        terminal.Drive(() => new TuiFlow(terminal.App, Options() with { Lab = "aurora-backup", Variables = new Dictionary<string, string> { ["yourname"] = "kim" } }).Run(),
            WaitFor("✓ Passed: cluster aurora-kim-cluster is"),
            WaitFor("the page", screen => screen.Contains("Ask RDS for your cluster")),
            Press('o'),
            WaitFor("Links on this page"),
            Expect("the link numbered with its address", screen => screen.Contains("1. https://console.aws.amazon.com/rds/")),
            Press('1'),
            WaitFor("the link opened, or its address shown where no browser is", screen => OpenedLink().IsMatch(screen)),
            Expect("the dialog closed", screen => !screen.Contains("Links on this page")),
            Press('n'),
            WaitFor("Step 2 of 8"),
            Press('o'),
            WaitFor("a page without links says so", screen => screen.Contains("This page has no links.")),
            Press('q'));
    }

    public static TheoryData<string> Dialogs() => ["?", "p", "h"];

    [Theory]
    [MemberData(nameof(Dialogs))]
    public void Ctrl_C_and_q_quit_from_a_dialog_and_the_way_out_says_where_progress_is(string dialogKey)
    {
        foreach (var (quitKey, name) in new[] { (Key.C.WithCtrl, "erin"), (Key.Q, "gina") })
        {
            using var terminal = new HeadlessTerminal();
            TuiFlow? flow = null;
            var result = TuiResult.Quit;
            var watchdogFired = false;
            terminal.Drive(() => result = (flow = new TuiFlow(terminal.App, Options() with { Lab = "aurora-backup", Variables = new Dictionary<string, string> { ["yourname"] = name } })).Run(),
                WaitFor($"✓ Passed: cluster aurora-{name}-cluster is"),
                Press('n'),
                WaitFor("Step 2 of 8"),
                Press(dialogKey[0]),
                WaitFor("a dialog", screen => screen.Contains('┏')),
                Do("a watchdog, should the screens not end", t => t.App.AddTimeout(TimeSpan.FromSeconds(15), () =>
                {
                    watchdogFired = true;
                    flow!.Terminate();
                    return false;
                })),
                Press(quitKey));
            Assert.False(watchdogFired, $"{quitKey} in the dialog of '{dialogKey}' did not quit");
            Assert.Equal(TuiEnd.Quit, result.End);
            Assert.EndsWith(Path.Combine("progress", "aurora-backup", "sandbox", $"{name}.json"), result.Saved?.ProgressFile);
            Assert.Equal(new Dictionary<string, string> { ["yourname"] = name }, result.Saved?.NameVariables);
        }
    }

    [Fact]
    public void Ctrl_C_on_the_details_screen_quits_instead_of_going_back_to_the_picker()
    {
        using var terminal = new HeadlessTerminal();
        TuiFlow? flow = null;
        var watchdogFired = false;
        terminal.Drive(() => (flow = new TuiFlow(terminal.App, Options())).Run(),
            WaitFor("Aurora backups and snapshots"),
            Press(Key.Enter),
            WaitFor("Your details"),
            Do("a watchdog, should the screens not end", t => t.App.AddTimeout(TimeSpan.FromSeconds(15), () =>
            {
                watchdogFired = true;
                flow!.Terminate();
                return false;
            })),
            Press(Key.C.WithCtrl));
        Assert.False(watchdogFired, "Ctrl-C on the details screen did not quit");
    }

    [Fact]
    public void A_message_too_long_for_its_line_ends_in_a_cue_and_m_shows_it_whole()
    {
        using var terminal = new HeadlessTerminal();
        terminal.Drive(() => new TuiFlow(terminal.App, Options() with { Lab = "aurora-backup", Variables = new Dictionary<string, string> { ["yourname"] = "frank" } }).Run(),
            WaitFor("✓ Passed: cluster aurora-frank-cluster is"),
            Do("make every sandbox call fail", _ => sandbox.Host.Faults = new FaultSpec(Error500: 1)),
            Press(Key.Enter),
            WaitFor("! Could not check"),
            WaitFor("… m: more"),
            Expect("the end of the notice not shown", screen => !screen.Contains("r: retry")),
            Press('m'),
            WaitFor("the whole notice", screen => screen.Contains('┏') && screen.Contains("r: retry")),
            Press(Key.Esc),
            WaitFor("the dialog closed", screen => !screen.Contains('┏')),
            Press('q'));
    }

    [Fact]
    public void The_details_and_tab_keys_stay_on_the_bottom_line_at_80_columns_on_a_step_with_every_key()
    {
        using var terminal = new HeadlessTerminal();
        terminal.Drive(() => new TuiFlow(terminal.App, Options() with { Lab = "aurora-backup", Variables = new Dictionary<string, string> { ["yourname"] = "omar" } }).Run(),
            WaitFor("Step 1 of 8"),
            Press('n', 'n', 'n', 'n'),
            WaitFor("Step 5 of 8 · Move the backup window"),
            WaitFor("▸ AWS CLI"),
            Expect("d details and t tab on the bottom line", screen => BottomLine(screen).Contains("d details") && BottomLine(screen).Contains("t tab")),
            Press('q'));
    }

    [Fact]
    public void A_step_status_too_long_for_its_two_lines_ends_in_a_cue_and_m_shows_it_whole()
    {
        const string name = "maximilian-alexander-von-humbo"; // as long as the lab allows
        using var terminal = new HeadlessTerminal();
        terminal.Drive(() => new TuiFlow(terminal.App, Options() with { Lab = "aurora-backup", Variables = new Dictionary<string, string> { ["yourname"] = name } }).Run(),
            WaitFor("✓ Passed: cluster"),
            WaitFor(NoticeLine.MoreCue),
            Expect("the cue on the status, as the notice line is whole", screen => screen.Contains("Follow the page on the right; the line under it says what to press next.")),
            Expect("the status's end not shown", screen => !screen.Contains($"aurora-{name}-instance-1")),
            Press('m'),
            WaitFor("the whole status with its step", screen => screen.Contains("Find your cluster: Passed: cluster") && screen.Contains($"aurora-{name}-instance-1")),
            Press(Key.Esc),
            WaitFor("the dialog closed", screen => !screen.Contains($"aurora-{name}-instance-1")),
            Press('q'));
    }

    [Fact]
    public void The_welcome_back_line_too_long_for_80_columns_ends_in_a_cue_and_m_shows_it_whole()
    {
        var options = Options() with { Lab = "aurora-backup", Variables = new Dictionary<string, string> { ["yourname"] = "nora" } };
        using (var terminal = new HeadlessTerminal())
        {
            terminal.Drive(() => new TuiFlow(terminal.App, options).Run(),
                WaitFor("✓ Passed: cluster aurora-nora-cluster is"),
                Press('q'));
        }
        using var reopened = new HeadlessTerminal();
        reopened.Drive(() => new TuiFlow(reopened.App, options).Run(),
            WaitFor("Welcome back: resumed at Take a manual snapshot;"),
            Expect("the line cut with its cue", screen => Lines(screen).Any(line => line.Contains("Welcome back") && line.TrimEnd().EndsWith(NoticeLine.MoreCue, StringComparison.Ordinal))),
            Press('m'),
            WaitFor("the whole line, wrapped", screen => screen.Contains("Welcome back: resumed at Take a manual snapshot; re-checking your saved┃") && screen.Contains("┃ progress.")),
            Press(Key.Esc),
            WaitFor("the dialog closed", screen => !screen.Contains("┃ progress.")),
            Press('q'));
    }

    [Fact]
    public void Re_checking_on_a_slow_endpoint_says_so_at_once()
    {
        using var terminal = new HeadlessTerminal();
        terminal.Drive(() => new TuiFlow(terminal.App, Options() with { Lab = "aurora-backup", Variables = new Dictionary<string, string> { ["yourname"] = "jade" } }).Run(),
            WaitFor("✓ Passed: cluster aurora-jade-cluster is"),
            Do("make the sandbox slow", _ => sandbox.Host.Faults = new FaultSpec(Latency: TimeSpan.FromSeconds(3))),
            Press('r'),
            Expect("checking shown at once", screen => screen.Contains("Checking every step…")),
            Do("make the sandbox fast again", _ => sandbox.Host.Faults = FaultSpec.None),
            WaitFor("Re-checked every step"),
            Press('q'));
    }

    [Fact]
    public void A_connection_error_on_AWS_shows_over_the_lab_s_screen_with_the_real_account_badge()
    {
        using var terminal = new HeadlessTerminal();
        var options = Options() with
        {
            Lab = "aurora-backup",
            Variables = new Dictionary<string, string> { ["yourname"] = "kim" },
            TargetKind = TargetKind.Aws,
            Connect = _ => Task.FromException<ILabTarget>(new TargetUnavailableException("No AWS credentials were found")),
        };
        terminal.Drive(() => new TuiFlow(terminal.App, options).Run(),
            WaitFor("Cannot use the target"),
            Expect("the lab and the target behind the dialog", screen => screen.Contains("LabRunner · Aurora backups and snapshots")
                && screen.Contains("AWS · REAL ACCOUNT · connecting") && screen.Contains("No AWS credentials were found")),
            Press('q'));
    }

    [Fact]
    public void The_wait_counts_from_when_the_snapshot_started_also_after_a_resume()
    {
        var options = Options() with { Lab = "aurora-backup", Variables = new Dictionary<string, string> { ["yourname"] = "lena" } };
        using (var terminal = new HeadlessTerminal())
        {
            terminal.Drive(() => new TuiFlow(terminal.App, options).Run(),
                WaitFor("✓ Passed: cluster aurora-lena-cluster is"),
                Press('n'),
                WaitFor("Step 2 of 8"),
                Press('p'),
                WaitFor("Perform: Take a manual snapshot"),
                Press(Key.Enter),
                WaitFor("◐ In progress: snapshot aurora-lena-snap1 is"),
                Do("move the sandbox's clock 20 seconds", _ => sandbox.Time.Advance(TimeSpan.FromSeconds(20))),
                WaitFor("0:20 waited"),
                Press('q'));
        }
        using var reopened = new HeadlessTerminal();
        reopened.Drive(() => new TuiFlow(reopened.App, options).Run(),
            WaitFor("Step 3 of 8 · Wait for the snapshot"),
            WaitFor("◐ In progress"),
            WaitFor("the time since the snapshot started, not since this run began", screen => screen.Contains("0:20 waited")),
            Press('q'));
    }

    [Fact]
    public void Every_step_is_judged_when_the_lab_opens_not_only_the_open_one()
    {
        using var terminal = new HeadlessTerminal();
        terminal.Drive(() => new TuiFlow(terminal.App, Options() with { Lab = "aurora-backup", Variables = new Dictionary<string, string> { ["yourname"] = "ivan" } }).Run(),
            WaitFor("✓ Passed: cluster aurora-ivan-cluster"),
            WaitFor("every step judged", screen => screen.Contains(" ✗ Take a manual snapshot") && screen.Contains(" ✗ Wait for the snapshot") && screen.Contains(" ✗ Move the backup window")),
            Expect("no step left unjudged", screen => !screen.Contains("│ · ")),
            Press('q'));
    }

    [Fact]
    public void A_terminal_smaller_than_the_minimum_says_how_large_to_make_it_and_the_minimum_works()
    {
        using (var small = new HeadlessTerminal(60, 15))
        {
            small.Drive(() => new TuiFlow(small.App, Options() with { Lab = "aurora-backup", Variables = new Dictionary<string, string> { ["yourname"] = "hana" } }).Run(),
                WaitFor("Make the window at least 70×20"),
                Expect("the size it has", screen => screen.Contains("This terminal is 60×15.")),
                Expect("nothing clipped drawn", screen => !screen.Contains("Step 1 of 8")),
                Press(Key.C.WithCtrl));
        }
        // Another learner: the first run may have saved hana's progress before Ctrl-C, and a resumed lab opens at step 2.
        using var minimum = new HeadlessTerminal(70, 20);
        minimum.Drive(() => new TuiFlow(minimum.App, Options() with { Lab = "aurora-backup", Variables = new Dictionary<string, string> { ["yourname"] = "iris" } }).Run(),
            WaitFor("Step 1 of 8 · Find your cluster"),
            WaitFor("✓ Passed: cluster aurora-iris-cluster"),
            Expect("the keys", screen => screen.Contains("q quit") && !screen.Contains("Make the window")),
            Do("show the screen", t => output.WriteLine(t.Screen)),
            Press('q'));
    }

    private static string[] Lines(string screen) => screen.Split('\n');

    private static string BottomLine(string screen) => Lines(screen.TrimEnd())[^1];

    /// <summary>A left click on the first character of <paramref name="text"/> where it is on the screen.</summary>
    private static void Click(HeadlessTerminal terminal, string text)
    {
        var rows = terminal.Screen.Split('\n');
        var row = Array.FindIndex(rows, line => line.Contains(text, StringComparison.Ordinal));
        Assert.True(row >= 0, $"'{text}' is not on the screen");
        terminal.Click(new System.Drawing.Point(rows[row].IndexOf(text, StringComparison.Ordinal), row));
    }

    private TuiOptions Options() => new()
    {
        LabFolders = [Repository.PathOf("labs")],
        TargetKind = TargetKind.Sandbox,
        Connect = _ => SandboxLabTarget.ConnectAsync(sandbox),
        DataDirectory = data.Path,
        LogUnexpected = exception =>
        {
            logged.Add(exception.ToString());
            return "the test log";
        },
        Time = sandbox.Time,
        Palette = Palette.Monochrome,
    };

    [GeneratedRegex(@"› (Opened|Open this in your browser:) https://console\.aws\.amazon\.com/rds/")]
    private static partial Regex OpenedLink();

    [GeneratedRegex(@"\[█+ *\] +([1-9]|[1-9][0-9]) % · ")]
    private static partial Regex PartWay();

    [GeneratedRegex(@"◐ Wait for the snapshot +([1-9]|[1-9][0-9])%")]
    private static partial Regex StepListPercent();
}
