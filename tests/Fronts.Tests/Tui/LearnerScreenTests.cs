using System.Text.RegularExpressions;
using LabRunner.Content.Loading;
using LabRunner.Engine.Targets;
using LabRunner.Fronts.Tests.Headless;
using LabRunner.TestSupport;
using LabRunner.Tui.Screens.Details;
using LabRunner.Tui.Theme;
using Terminal.Gui.Input;
using static LabRunner.Fronts.Tests.Headless.ScriptStep;

namespace LabRunner.Fronts.Tests.Tui;

public sealed class LearnerScreenTests
{
    private static readonly LabRunner.Content.Model.Lab Aurora = LabLoader.Load(Repository.PathOf("labs", "aurora-backup")).Lab!;

    private static readonly (string Name, string Value)[] AliceResources =
    [
        ("cluster", "aurora-alice-cluster"), ("writer", "aurora-alice-instance-1"), ("snapshot", "aurora-alice-snap1"),
        ("snapshot_copy", "aurora-alice-snap1-copy"), ("restored", "aurora-alice-restored"), ("restored_writer", "aurora-alice-restored-1"),
    ];

    /// <summary>At 80×24, the headless terminal's size.</summary>
    [Fact]
    public void Judges_the_name_as_it_is_typed_and_shows_the_resource_names_it_yields()
    {
        var form = new LearnerForm(Aurora);
        form.Fill(new Dictionary<string, string>());
        using var terminal = new HeadlessTerminal();
        using var screen = new LearnerScreen(terminal.App, Palette.Monochrome, TargetKind.Sandbox, null, form);

        terminal.Drive(() => terminal.App.Run(screen),
            WaitFor("Your name, as it appears in your resource names"),
            Expect("no error before anything is typed", text => !text.Contains('✗') && text.Contains("Your lab resources will be named from these details.")),
            Type("al ice"),
            WaitFor("is not a valid RDS identifier"),
            Expect("which character is wrong", text => text.Contains("not ' '")),
            Press(Key.Enter),
            WaitFor("Fix the values first"),
            Press(Key.Backspace, Key.Backspace, Key.Backspace, Key.Backspace),
            Type("ice"),
            WaitFor("aurora-alice-cluster"),
            Expect("no stale error once fixed", text => !text.Contains("Fix the values first") && !text.Contains('✗')),
            Expect("every resource named, the optional steps' too", text => AliceResources.All(resource => Regex.IsMatch(text, $"✓ {resource.Name} +{resource.Value} "))),
            Expect("the share prompt whole on its line", text => text.Contains("│ The 12-digit AWS account id to share your snapshot with (optional steps)")),
            Expect("the default backup window filled in", text => text.Contains("05:00-05:45")),
            Press(Key.Enter));

        Assert.Equal("alice", screen.Values?["yourname"]);
        Assert.Equal("05:00-05:45", screen.Values?["backup_window"]);
    }

    [Fact]
    public void Emptying_a_field_or_going_on_with_it_empty_reports_it()
    {
        var form = new LearnerForm(Aurora);
        form.Fill(new Dictionary<string, string>());
        using var terminal = new HeadlessTerminal();
        using var screen = new LearnerScreen(terminal.App, Palette.Monochrome, TargetKind.Sandbox, null, form);

        terminal.Drive(() => terminal.App.Run(screen),
            WaitFor("Your lab resources will be named from these details."),
            Press(Key.Enter),
            WaitFor("✗ yourname: type a value"),
            Type("x"),
            WaitFor("aurora-x-cluster"),
            Press(Key.Backspace),
            WaitFor("✗ yourname: type a value"),
            Press(Key.Esc));

        Assert.Null(screen.Values);
    }

    [Fact]
    public void A_backup_window_too_short_is_told_in_words_and_the_message_goes_once_it_is_fixed()
    {
        var form = new LearnerForm(Aurora);
        form.Fill(new Dictionary<string, string> { ["yourname"] = "alice", ["backup_window"] = "" });
        using var terminal = new HeadlessTerminal();
        using var screen = new LearnerScreen(terminal.App, Palette.Monochrome, TargetKind.Sandbox, null, form);

        terminal.Drive(() => terminal.App.Run(screen),
            WaitFor("The new daily backup window"),
            Type("05:00-05:10"),
            WaitFor("✗ backup_window: '05:00-05:10' lasts 10 minutes; a backup"),
            Expect("no regular expression shown", text => !text.Contains("[0-5]") && !text.Contains("pattern")),
            Press(Key.Backspace, Key.Backspace),
            Type("45"),
            WaitFor("snapshot         aurora-alice-snap1"),
            Expect("no stale error", text => !text.Contains('✗')),
            Press(Key.Enter));

        Assert.Equal("05:00-05:45", screen.Values?["backup_window"]);
    }

    [Fact]
    public void An_underscore_in_a_prompt_is_shown_as_written_not_taken_as_a_hot_key()
    {
        var lab = Aurora with { Variables = [Aurora.Variables[0] with { Prompt = "Your name for backup_window and snap_1" }, Aurora.Variables[1]] };
        var form = new LearnerForm(lab);
        form.Fill(new Dictionary<string, string>());
        using var terminal = new HeadlessTerminal();
        using var screen = new LearnerScreen(terminal.App, Palette.Monochrome, TargetKind.Sandbox, null, form);

        terminal.Drive(() => terminal.App.Run(screen),
            WaitFor("Your name for backup_window and snap_1"),
            Press(Key.Esc));
    }

    [Fact]
    public void Starts_from_remembered_values_and_lowercases_resource_names_as_RDS_does()
    {
        var form = new LearnerForm(Aurora);
        form.Fill(new Dictionary<string, string> { ["yourname"] = "Bob" });
        using var terminal = new HeadlessTerminal();
        var aws = new TargetInfo(TargetKind.Aws, new Uri("https://rds.eu-west-1.amazonaws.com/"), "eu-west-1", "workshop");
        using var screen = new LearnerScreen(terminal.App, Palette.Monochrome, TargetKind.Aws, aws, form);

        terminal.Drive(() => terminal.App.Run(screen),
            WaitFor("aurora-bob-cluster"),
            Expect("the AWS badge", text => text.Contains("▲ AWS · REAL ACCOUNT · eu-west-1 · profile workshop")),
            Press(Key.Esc));

        Assert.Null(screen.Values);
    }
}
