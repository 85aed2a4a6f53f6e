using LabRunner.Engine.Progress;
using LabRunner.Engine.Targets;
using LabRunner.Fronts.Tests.Headless;
using LabRunner.TestSupport;
using LabRunner.Tui.Labs;
using LabRunner.Tui.Screens.Picker;
using LabRunner.Tui.Theme;
using Terminal.Gui.Input;
using static LabRunner.Fronts.Tests.Headless.ScriptStep;

namespace LabRunner.Fronts.Tests.Tui;

public sealed class PickerScreenTests
{
    private static readonly TargetInfo Sandbox = new(TargetKind.Sandbox, new Uri("http://127.0.0.1:9/"));

    [Fact]
    public void Lists_each_lab_with_its_estimated_time_and_opens_the_chosen_one_on_Enter()
    {
        using var terminal = new HeadlessTerminal();
        using var picker = new PickerScreen(terminal.App, Palette.Monochrome, TargetKind.Sandbox, ["labs"], RepositoryLabs(), Task.FromResult(Sandbox), (_, _) => null);

        terminal.Drive(() => terminal.App.Run(picker),
            WaitFor("Aurora backups and snapshots"),
            WaitFor("SANDBOX · local practice"),
            Expect("the estimated time and no progress yet", screen => screen.Contains("~20 min") && screen.Contains("not started")),
            Expect("the lab's whole description, wrapped", screen => screen.Contains("Take a manual snapshot of your Aurora cluster") && screen.Contains("backup window.")),
            Press(Key.Enter));

        Assert.Equal("aurora-backup", picker.Chosen?.Lab?.Id);
    }

    [Fact]
    public void Shows_the_latest_learners_saved_progress_as_a_bar()
    {
        using var data = new TempDirectory();
        var store = new ProgressStore(data.Path, TimeProvider.System);
        var progress = new LabProgress { Lab = "aurora-backup", Target = Sandbox.ProgressKey, Learner = "alice", Variables = new() { ["yourname"] = "alice" } };
        progress.Step("find-cluster").Status = "passed";
        progress.Step("take-snapshot").Status = "passed";
        progress.Step("snapshot-available").Status = "in-progress";
        store.Save(progress);
        using var terminal = new HeadlessTerminal();
        using var picker = new PickerScreen(terminal.App, Palette.Monochrome, TargetKind.Sandbox, ["labs"], RepositoryLabs(), Task.FromResult(Sandbox),
            (entry, target) => LabStanding.Latest(store, entry.Lab!, target.ProgressKey));

        terminal.Drive(() => terminal.App.Run(picker),
            WaitFor("2/5 alice"),
            Expect("a bar four tenths full", screen => screen.Contains("████░░░░░░ 2/5 alice")),
            Press('q'));

        Assert.Null(picker.Chosen);
    }

    [Fact]
    public void Says_where_it_looked_when_there_are_no_labs()
    {
        using var empty = new TempDirectory();
        using var terminal = new HeadlessTerminal();
        using var picker = new PickerScreen(terminal.App, Palette.Monochrome, TargetKind.Sandbox, [empty.Path], Task.FromResult(LabCatalog.Load([empty.Path])), Task.FromResult(Sandbox), (_, _) => null);

        terminal.Drive(() => terminal.App.Run(picker),
            WaitFor("No labs in"),
            Expect("the --labs option", screen => screen.Contains("--labs DIR")),
            Press('q'));
    }

    private static Task<IReadOnlyList<LabEntry>> RepositoryLabs() => Task.Run(() => LabCatalog.Load([Repository.PathOf("labs")]));
}
