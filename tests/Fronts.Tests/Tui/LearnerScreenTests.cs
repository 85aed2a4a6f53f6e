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

    [Fact]
    public void Judges_the_name_as_it_is_typed_and_shows_the_resource_names_it_yields()
    {
        var form = new LearnerForm(Aurora);
        form.Fill(new Dictionary<string, string>());
        using var terminal = new HeadlessTerminal();
        using var screen = new LearnerScreen(terminal.App, Palette.Monochrome, TargetKind.Sandbox, null, form);

        terminal.Drive(() => terminal.App.Run(screen),
            WaitFor("Your name, as it appears in your resource names"),
            Expect("a missing name reported", text => text.Contains("yourname: type a value")),
            Type("al ice"),
            WaitFor("is not a valid RDS identifier"),
            Expect("which character is wrong", text => text.Contains("not ' '")),
            Press(Key.Enter),
            WaitFor("Fix the values first"),
            Press(Key.Backspace, Key.Backspace, Key.Backspace, Key.Backspace),
            Type("ice"),
            WaitFor("aurora-alice-cluster"),
            Expect("every resource named", text => text.Contains("writer    aurora-alice-instance-1") && text.Contains("snapshot  aurora-alice-snap1")),
            Expect("the default backup window filled in", text => text.Contains("05:00-05:45")),
            Press(Key.Enter));

        Assert.Equal("alice", screen.Values?["yourname"]);
        Assert.Equal("05:00-05:45", screen.Values?["backup_window"]);
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
