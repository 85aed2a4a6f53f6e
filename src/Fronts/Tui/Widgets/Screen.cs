using Terminal.Gui.App;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.Views;

namespace LabRunner.Tui.Widgets;

/// <summary>
/// A full-screen window with its own keys. Keys are taken from the application's keyboard before the focused view
/// sees them (a list would otherwise eat letters for type-ahead), and only while this screen is on top, so a dialog
/// above it gets its keys. Ctrl-C leaves like <c>q</c>; Esc does nothing unless the screen binds it.
/// </summary>
public abstract class Screen : Window
{
    private readonly Dictionary<Key, Action> keys = [];

    protected Screen(IApplication app)
    {
        App = app;
        BorderStyle = LineStyle.None;
        IsRunningChanged += (_, change) =>
        {
            if (change.Value)
                app.Keyboard.KeyDown += OnAppKeyDown;
            else
                app.Keyboard.KeyDown -= OnAppKeyDown;
        };
    }

    protected new IApplication App { get; }

    /// <summary>Binds <paramref name="key"/> to <paramref name="action"/> for as long as this screen is on top.</summary>
    protected void Bind(Action action, params Key[] boundKeys)
    {
        foreach (var key in boundKeys)
            keys[key] = action;
    }

    /// <summary>What Ctrl-C does: leave the screen as q would.</summary>
    protected abstract void Quit();

    private void OnAppKeyDown(object? sender, Key key)
    {
        if (key.Handled || !ReferenceEquals(App.TopRunnableView, this))
            return;
        if (key == Key.C.WithCtrl)
        {
            key.Handled = true;
            Quit();
            return;
        }
        if (keys.TryGetValue(key, out var action))
        {
            key.Handled = true;
            action();
        }
        else if (key == Key.Esc)
        {
            key.Handled = true;
        }
    }
}
