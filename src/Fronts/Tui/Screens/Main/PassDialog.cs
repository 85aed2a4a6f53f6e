using LabRunner.Content.Text;
using LabRunner.Tui.Hosting;
using Terminal.Gui.App;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace LabRunner.Tui.Screens.Main;

/// <summary>
/// Where the progress pass was written, and its one-line form in a read-only field the learner can scroll, select and
/// copy (it is selected when the dialog opens), to paste into the class's chat or form.
/// </summary>
public static class PassDialog
{
    public static void Show(IApplication app, WrittenPass pass)
    {
        using var dialog = new Dialog { Title = "Your progress pass", Width = Dim.Percent(90), Height = Dim.Percent(75) };
        var about = new Label
        {
            X = 1,
            Y = 1,
            Width = Dim.Fill(1),
            Height = Dim.Auto(DimAutoStyle.Text),
            Text = VisibleText.Of($"Wrote {pass.Path}\n{pass.Requests} read-only requests, valid until {pass.Expires.UtcDateTime:yyyy-MM-dd HH:mm} UTC; no secret in it.", keeping: "\n"),
        };
        var prompt = new Label
        {
            X = 1,
            Y = Pos.Bottom(about) + 1,
            Width = Dim.Fill(1),
            Height = Dim.Auto(DimAutoStyle.Text),
            Text = "Send the file to your instructor, or copy this line (selected) into the class chat:",
        };
        var line = new TextField
        {
            X = 1,
            Y = Pos.Bottom(prompt),
            Width = Dim.Fill(1),
            ReadOnly = true,
            Text = VisibleText.Of(pass.Line),
        };
        var close = new Button { Text = "_Close" };
        dialog.Add(about, prompt, line);
        dialog.AddButton(close);
        dialog.IsRunningChanged += (_, running) =>
        {
            if (!running.Value)
                return;
            line.SetFocus();
            line.SelectAll();
        };
        app.Run(dialog);
    }
}
