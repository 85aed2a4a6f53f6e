using LabRunner.Engine.Targets;
using LabRunner.Tui.Labs;
using LabRunner.Tui.Running;
using LabRunner.Tui.Theme;
using LabRunner.Tui.Widgets;
using Terminal.Gui.App;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace LabRunner.Tui.Screens.Picker;

/// <summary>
/// The lab picker: every lab found, with its estimated time and the saved progress of its latest learner as a bar.
/// Labs load and the target connects in the background; the list fills in when they are ready.
/// </summary>
public sealed class PickerScreen : Screen
{
    private readonly Palette palette;
    private readonly HeaderBar header;
    private readonly RowList<PickerRow> list;
    private readonly NoticeLine noticeLine;
    private readonly Dictionary<string, LabStanding?> standings = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<string> folders;

    /// <param name="standing">The saved progress of a lab, once the target is known; null before.</param>
    public PickerScreen(IApplication app, Palette palette, TargetKind kind, IReadOnlyList<string> folders, Task<IReadOnlyList<LabEntry>> labs, Task<TargetInfo> target, Func<LabEntry, TargetInfo, LabStanding?> standing)
        : base(app)
    {
        this.palette = palette;
        this.folders = folders;
        header = new HeaderBar(palette, kind) { Heading = "choose a lab" };
        list = new RowList<PickerRow>(row => row.IsTitle, Render) { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill() };
        var frame = new FrameView { X = 0, Y = 1, Width = Dim.Fill(), Height = Dim.Fill(2), Title = "Labs", BorderStyle = LineStyle.Rounded };
        frame.Add(list);
        noticeLine = new NoticeLine(palette) { Y = Pos.AnchorEnd(2), Notice = new Notice(NoticeTone.Info, "Looking for labs…") };
        var keys = new KeyBar(palette)
        {
            Hints = [new KeyHint("Enter", "open the lab", Open), new KeyHint("↑↓", "choose", () => { }), new KeyHint("q", "quit", Quit)],
        };
        Add(header, frame, noticeLine, keys);
        list.RowActivated += _ => Open();
        Bind(Open, Key.Enter);
        Bind(Quit, 'q');

        labs.ContinueWith(loaded => App.Invoke(() => OnLabsLoaded(loaded)), TaskScheduler.Default);
        target.ContinueWith(connected => App.Invoke(() =>
        {
            if (connected.IsCompletedSuccessfully)
                header.Target = connected.Result;
        }), TaskScheduler.Default);
        Task.WhenAll(labs, target).ContinueWith(both =>
        {
            if (!both.IsCompletedSuccessfully)
                return;
            var found = labs.Result.Where(entry => entry.Lab is not null).ToDictionary(entry => entry.Folder, entry => standing(entry, target.Result));
            App.Invoke(() =>
            {
                foreach (var (folder, saved) in found)
                    standings[folder] = saved;
                list.Refresh();
            });
        }, TaskScheduler.Default);
    }

    /// <summary>The lab chosen, or null when the learner quit.</summary>
    public LabEntry? Chosen { get; private set; }

    protected override void Quit()
    {
        Chosen = null;
        RequestStop();
    }

    private void OnLabsLoaded(Task<IReadOnlyList<LabEntry>> loaded)
    {
        if (!loaded.IsCompletedSuccessfully)
        {
            noticeLine.Notice = new Notice(NoticeTone.Error, $"The labs could not be read: {loaded.Exception?.GetBaseException().Message}");
            return;
        }
        var entries = loaded.Result;
        list.SetRows(entries.SelectMany(entry => DescriptionLines(entry).Select(line => new PickerRow(entry, IsTitle: false, line)).Prepend(new PickerRow(entry, IsTitle: true))).ToList());
        noticeLine.Notice = entries.Count == 0
            ? new Notice(NoticeTone.Failure, $"No labs in {string.Join(", ", folders)}: give a folder of labs with --labs DIR.")
            : new Notice(NoticeTone.Info, $"{entries.Count} lab{(entries.Count == 1 ? "" : "s")} found. Choose one and press Enter.");
    }

    /// <summary>The whole description, wrapped to the terminal's width under the title (indented, inside the frame).</summary>
    private IEnumerable<string> DescriptionLines(LabEntry entry)
    {
        var description = entry.Lab is null ? $"cannot be opened: {entry.Problems.FirstOrDefault()}" : entry.Lab.Description.ReplaceLineEndings(" ").Trim();
        return Screens.Main.StepText.Wrap(description, Math.Max(App.Screen.Width - DescriptionIndent.Length - 3, 20));
    }

    private const string DescriptionIndent = "     ";

    private void Open()
    {
        if (list.SelectedRow is not { } row)
            return;
        if (row.Entry.Lab is null)
        {
            MessageBox.ErrorQuery(App, $"{row.Entry.Title} cannot be opened", string.Join("\n", row.Entry.Problems.Take(8)), "_OK");
            return;
        }
        Chosen = row.Entry;
        RequestStop();
    }

    private IReadOnlyList<Segment> Render(PickerRow row, int width, bool selected)
    {
        var normal = list.GetAttributeForRole(VisualRole.Normal);
        var lab = row.Entry.Lab;
        if (!row.IsTitle)
            return [new Segment(DescriptionIndent + row.Text, lab is null ? palette.Status(Engine.Steps.StepStatus.Error, normal) : palette.Quiet(normal))];
        var standing = standings.GetValueOrDefault(row.Entry.Folder);
        var progress = standing is null ? "not started".PadLeft(24) : $"{standing.Bar(10)} {standing.Done}/{standing.Total} {SegmentWriter.Fit(standing.Learner, 8),-8}";
        var minutes = lab is null ? "" : $"~{lab.EstimatedMinutes} min";
        var titleWidth = Math.Max(width - 3 - 9 - 26, 10);
        return
        [
            new Segment(selected ? " ▸ " : "   ", Palette.Emphasis(normal)),
            new Segment(SegmentWriter.Fit(row.Entry.Title, titleWidth).PadRight(titleWidth), Palette.Emphasis(normal)),
            new Segment(minutes.PadLeft(9), normal),
            new Segment("  " + progress, standing is null ? palette.Quiet(normal) : palette.Status(standing.Done == standing.Total ? Engine.Steps.StepStatus.Passed : Engine.Steps.StepStatus.InProgress, normal)),
        ];
    }
}
