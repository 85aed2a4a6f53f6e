using System.Diagnostics;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;

namespace LabRunner.Fronts.Tests.Headless;

/// <summary>
/// A Terminal.Gui application on the ANSI driver with no terminal behind it, at a fixed size. <see cref="Drive"/> runs
/// screens on the test's thread while a script presses keys and waits for text to appear, one step per main-loop
/// iteration, so modal dialogs opened by a key are driven the same way.
/// </summary>
public sealed class HeadlessTerminal : IDisposable
{
    /// <summary>How long a step may wait for the screen to show what it expects.</summary>
    public static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(20);

    private readonly Queue<ScriptStep> script = new();
    private readonly List<string> log = [];
    private ScriptStep? current;
    private Stopwatch currentFor = new();
    private string? failure;

    public HeadlessTerminal(int width = 80, int height = 24)
    {
        App = Application.Create();
        App.Init(DriverRegistry.Names.ANSI);
        App.Driver!.SetScreenSize(width, height);
        App.Iteration += (_, _) => Advance();
    }

    public IApplication App { get; }

    /// <summary>The screen as text, one line per row, after laying out and drawing what changed.</summary>
    public string Screen
    {
        get
        {
            App.LayoutAndDraw();
            return App.Driver!.ToString()!;
        }
    }

    /// <summary>
    /// Runs <paramref name="run"/> (which calls <c>App.Run</c>, once or several times) while <paramref name="steps"/> drive it.
    /// Fails with the screen when a step times out or <paramref name="run"/> returns before the script is done.
    /// </summary>
    public void Drive(Action run, params ScriptStep[] steps)
    {
        foreach (var step in steps)
            script.Enqueue(step);
        run();
        if (failure is not null)
            Assert.Fail(failure);
        if (current is not null || script.Count > 0)
            Assert.Fail($"The screens ended before the script did; next step: {current?.Describe ?? script.Peek().Describe}\n{Transcript()}\n{App.Driver!}");
    }

    private void Advance()
    {
        if (failure is not null)
        {
            App.RequestStop();
            return;
        }
        while (true)
        {
            if (current is null)
            {
                if (!script.TryDequeue(out var next))
                    return;
                current = next;
                currentFor = Stopwatch.StartNew();
            }
            var step = current;
            string screen;
            try
            {
                screen = Screen;
            }
            catch (Exception drawing)
            {
                failure = $"Drawing failed at step {step.Describe}: {drawing}";
                App.RequestStop();
                return;
            }
            if (!step.IsDone(this, screen))
            {
                if (currentFor.Elapsed > StepTimeout)
                {
                    failure = $"Timed out after {StepTimeout.TotalSeconds} s at step: {step.Describe}\n{Transcript()}\nScreen:\n{screen}";
                    App.RequestStop();
                }
                return;
            }
            log.Add(step.Describe);
            current = null;
            if (step.Act is null)
                continue;
            // The action may open a modal dialog whose loop calls Advance again: the step is finished before it runs.
            // One action per iteration: a key that closes a dialog takes effect once its loop has unwound.
            step.Act(this);
            return;
        }
    }

    private string Transcript() => "Steps done:\n  " + string.Join("\n  ", log);

    public void Press(Key key) => App.InjectKey(key);

    /// <summary>A left click at a screen position (column, row), pressed and released.</summary>
    public void Click(System.Drawing.Point at)
    {
        App.InjectMouse(new Mouse { ScreenPosition = at, Flags = MouseFlags.LeftButtonPressed });
        App.InjectMouse(new Mouse { ScreenPosition = at, Flags = MouseFlags.LeftButtonReleased });
    }

    public void Dispose() => App.Dispose();
}

/// <summary>One step of a script: wait until <see cref="IsDone"/> holds for the screen, then <see cref="Act"/>.</summary>
public sealed record ScriptStep(string Describe, Func<HeadlessTerminal, string, bool> IsDone, Action<HeadlessTerminal>? Act = null)
{
    public static ScriptStep Press(params Key[] keys) =>
        new($"press {string.Join(" ", keys.Select(key => key.ToString()))}", (_, _) => true, terminal =>
        {
            foreach (var key in keys)
                terminal.Press(key);
        });

    /// <summary>Types text one key at a time, as a person would.</summary>
    public static ScriptStep Type(string text) =>
        new($"type '{text}'", (_, _) => true, terminal =>
        {
            foreach (var character in text)
                terminal.Press(new Key(character));
        });

    public static ScriptStep WaitFor(string text) => new($"wait for '{text}'", (_, screen) => screen.Contains(text, StringComparison.Ordinal));

    public static ScriptStep WaitFor(string describe, Func<string, bool> condition) => new(describe, (_, screen) => condition(screen));

    public static ScriptStep Do(string describe, Action<HeadlessTerminal> action) => new(describe, (_, _) => true, action);

    /// <summary>Checks the screen now (no waiting): fails the test with the screen when <paramref name="condition"/> does not hold.</summary>
    public static ScriptStep Expect(string describe, Func<string, bool> condition) =>
        new($"expect {describe}", (_, _) => true, terminal =>
        {
            var screen = terminal.Screen;
            Assert.True(condition(screen), $"Expected {describe}; the screen is:\n{screen}");
        });
}
