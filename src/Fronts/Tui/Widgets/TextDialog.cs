using LabRunner.Content.Text;
using Terminal.Gui.App;
using Terminal.Gui.Views;

namespace LabRunner.Tui.Widgets;

/// <summary>
/// A modal dialog of left-aligned text (commands stay copyable, tables stay aligned) and buttons; the last button is the
/// default. Its title and each line of its text are made visible (<see cref="VisibleText"/>): they often hold a lab's text.
/// </summary>
public static class TextDialog
{
    /// <summary>The index of the button chosen, or null when the dialog was closed with Esc.</summary>
    public static int? Show(IApplication app, string title, string text, params string[] buttons)
    {
        using var dialog = new Dialog { Title = VisibleText.Of(title) };
        var width = Math.Max((app.Driver?.Cols ?? 80) - 8, 30);
        dialog.Add(new Label { X = 1, Y = 1, HotKeySpecifier = PlainText.NoHotKey, Text = Wrap(VisibleText.Of(text.TrimEnd(), keeping: "\n"), width) });
        Button? last = null;
        foreach (var button in buttons)
            dialog.AddButton(last = new Button { Text = button });
        // Enter presses the focused button: start on the default one, as its look promises.
        dialog.IsRunningChanged += (_, running) =>
        {
            if (running.Value)
                last?.SetFocus();
        };
        app.Run(dialog);
        return dialog.Result;
    }

    /// <summary>Wraps prose lines to <paramref name="width"/>; indented lines (commands, tables) are left as they are.</summary>
    private static string Wrap(string text, int width) =>
        string.Join("\n", text.Split('\n').SelectMany(line => line.StartsWith(' ') || line.Length <= width ? [line] : Screens.Main.StepText.Wrap(line, width)));
}
