using Terminal.Gui.App;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace LabRunner.Tui.Widgets;

/// <summary>
/// A full-screen window with its own keys. Keys are taken from the application's keyboard before the focused view
/// sees them (a list would otherwise eat letters for type-ahead), and only while this screen is on top, so a dialog
/// above it gets its keys. Ctrl-C leaves like <c>q</c>; Esc does nothing unless the screen binds it. In a terminal
/// smaller than <see cref="MinimumWidth"/>×<see cref="MinimumHeight"/> it says so instead of drawing a clipped screen.
/// </summary>
public abstract class Screen : Window
{
    public const int MinimumWidth = 70;
    public const int MinimumHeight = 20;

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

    private bool IsTooSmall => Viewport.Width < MinimumWidth || Viewport.Height < MinimumHeight;

    protected override bool OnDrawingSubViews(DrawContext? context) => IsTooSmall || base.OnDrawingSubViews(context);

    /// <summary>Whether the screen's views tile all of it, so clearing it first would only be painted over.</summary>
    protected virtual bool SubViewsCoverScreen => false;

    protected override bool OnClearingViewport() => (SubViewsCoverScreen && !IsTooSmall) || base.OnClearingViewport();

    protected override bool OnDrawingContent(DrawContext? context)
    {
        if (!IsTooSmall)
            return base.OnDrawingContent(context);
        SetAttribute(GetAttributeForRole(VisualRole.Normal));
        ClearViewport(context);
        string[] lines =
        [
            $"This terminal is {Viewport.Width}×{Viewport.Height}.",
            $"Make the window at least {MinimumWidth}×{MinimumHeight}",
            "to use LabRunner (Ctrl-C quits).",
        ];
        var top = Math.Max((Viewport.Height - lines.Length) / 2, 0);
        for (var index = 0; index < lines.Length && top + index < Viewport.Height; index++)
        {
            Move(Math.Max((Viewport.Width - lines[index].Length) / 2, 0), top + index);
            AddStr(lines[index].Length > Viewport.Width ? lines[index][..Viewport.Width] : lines[index]);
        }
        return true;
    }

    /// <summary>Binds <paramref name="boundKeys"/> to <paramref name="action"/> for as long as this screen is on top.</summary>
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
