using LabRunner.Engine.Targets;
using LabRunner.Tui.Running;
using LabRunner.Tui.Screens.Main;
using LabRunner.Tui.Theme;
using LabRunner.Tui.Widgets;
using Terminal.Gui.App;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace LabRunner.Tui.Screens.Details;

/// <summary>
/// Asks for each variable the lab needs, with its prompt, judging the values as they are typed and showing the
/// resource names they yield. Enter starts the lab once every value is valid; Esc goes back (to the picker, or to the
/// lab when the learner came from there to change their details).
/// </summary>
public sealed class LearnerScreen : Screen
{
    private readonly LearnerForm form;
    private readonly BindingFeedback feedback;
    private readonly NoticeLine noticeLine;
    private readonly Dictionary<string, TextField> fields = new(StringComparer.Ordinal);

    /// <param name="editing">The learner came from the lab to change their details: Enter and Esc go back to it.</param>
    public LearnerScreen(IApplication app, Palette palette, TargetKind kind, TargetInfo? target, LearnerForm form, bool editing = false)
        : base(app)
    {
        this.form = form;
        var header = new HeaderBar(palette, kind) { Heading = form.Lab.Title, Target = target };
        var frame = new FrameView { X = 1, Y = 2, Width = Dim.Fill(1), Height = Dim.Fill(3), Title = "Your details", BorderStyle = LineStyle.Rounded };
        // The frame and the prompt each keep a column either side: a prompt takes the lines it needs, so the resource names below keep theirs.
        var promptWidth = Math.Max(App.Screen.Width - 6, 20);
        var y = 0;
        foreach (var variable in form.Lab.Variables)
        {
            var promptLines = Math.Max(StepText.Wrap(variable.Prompt, promptWidth).Count, 1);
            var prompt = new Label { X = 1, Y = y, Width = Dim.Fill(1), Height = promptLines, HotKeySpecifier = PlainText.NoHotKey, Text = variable.Prompt };
            prompt.TextFormatter.WordWrap = true;
            var marker = new Label { X = 1, Y = y + promptLines, Text = "›" };
            var field = new TextField { X = 3, Y = y + promptLines, Width = Dim.Fill(1), Text = form.Values.GetValueOrDefault(variable.Name, "") };
            var name = variable.Name;
            field.TextChanged += (_, _) => OnChanged(name, field.Text);
            fields[name] = field;
            frame.Add(prompt, marker, field);
            y += promptLines + 2;
        }
        feedback = new BindingFeedback(palette, form) { X = 1, Y = y, Width = Dim.Fill(1), Height = Dim.Fill() };
        frame.Add(feedback);
        noticeLine = new NoticeLine(palette) { Y = Pos.AnchorEnd(2), Notice = Welcome };
        var keys = new KeyBar(palette)
        {
            Hints =
            [
                new KeyHint("Enter", editing ? "use these values" : "start the lab", Start),
                new KeyHint("Tab", "next field", () => AdvanceFocus(NavigationDirection.Forward, TabBehavior.TabStop)),
                new KeyHint("Esc", editing ? "back to the lab, unchanged" : "back", Back),
            ],
        };
        Add(header, frame, noticeLine, keys);
        Bind(Start, Key.Enter);
        Bind(Back, Key.Esc);

        var firstToFill = form.Lab.Variables.FirstOrDefault(variable => form.ShownProblems.Any(problem => problem.StartsWith(variable.Name + ":", StringComparison.Ordinal)))
            ?? form.Lab.Variables.FirstOrDefault(variable => string.IsNullOrEmpty(form.Values.GetValueOrDefault(variable.Name)))
            ?? form.Lab.Variables.FirstOrDefault();
        if (firstToFill is not null)
            fields[firstToFill.Name].SetFocus();
    }

    /// <summary>The values entered, or null when the learner went back.</summary>
    public IReadOnlyDictionary<string, string>? Values { get; private set; }

    protected override void Quit() => Back();

    private void Back()
    {
        Values = null;
        RequestStop();
    }

    private static Notice Welcome => new(NoticeTone.Info, "Type your details; they are remembered for next time.");

    private void OnChanged(string variable, string value)
    {
        form.Set(variable, value);
        feedback.Refresh();
        // A "fix the values first" about a value since changed would be stale.
        if (noticeLine.Notice?.Tone == NoticeTone.Failure)
            noticeLine.Notice = Welcome;
    }

    private void Start()
    {
        if (!form.IsValid)
        {
            form.ShowEveryProblem();
            feedback.Refresh();
            noticeLine.Notice = new Notice(NoticeTone.Failure, "Fix the values first: " + form.Problems[0]);
            return;
        }
        Values = new Dictionary<string, string>(form.Values);
        RequestStop();
    }
}
