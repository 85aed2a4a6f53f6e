using LabRunner.Engine.Targets;
using LabRunner.Fronts.Tests.Check;
using LabRunner.Fronts.Tests.Headless;
using LabRunner.TestSupport;
using LabRunner.TestSupport.Http;
using LabRunner.TestSupport.Sandbox;
using LabRunner.Tui;
using LabRunner.Tui.Hosting;
using LabRunner.Tui.Labs;
using LabRunner.Tui.Screens.Picker;
using LabRunner.Tui.Theme;
using Terminal.Gui.Input;
using static LabRunner.Fronts.Tests.Headless.ScriptStep;

namespace LabRunner.Fronts.Tests;

/// <summary>
/// A lab whose title, description and step title carry terminal sequences written as YAML escapes (raw bytes are
/// refused by the loader, escapes are not): whatever prints them shows them as escapes.
/// </summary>
public sealed class HostileLabTextTests : IDisposable
{
    /// <summary>OSC 0, OSC 52, CSI 2J, C1 CSI, NEL, U+202E and a CR/LF forging a passed line, as YAML double-quoted escapes.</summary>
    private const string YamlEscapes = @"\e]0;pwned\a\e]52;c;cHduZWQ=\a\e[2J\x9b2J\N\u202eevil\r\n  ✓ forged-step  passed  FORGED";

    private readonly TempDirectory labs = new();
    private readonly TempDirectory data = new();

    public HostileLabTextTests()
    {
        LabPath = Path.Combine(labs.Path, "aurora-backup");
        TempDirectory.CopyTree(Repository.PathOf("labs", "aurora-backup"), LabPath);
        var manifest = Path.Combine(LabPath, "lab.yaml");
        var yaml = File.ReadAllText(manifest);
        var description = yaml[yaml.IndexOf("description:", StringComparison.Ordinal)..yaml.IndexOf("estimated-minutes:", StringComparison.Ordinal)];
        File.WriteAllText(manifest, yaml
            .Replace("title: Aurora backups and snapshots", $"title: \"Aurora {YamlEscapes}\"", StringComparison.Ordinal)
            .Replace(description, $"description: \"Snapshots {YamlEscapes}\"\n", StringComparison.Ordinal)
            .Replace("title: Find your cluster", $"title: \"Find {YamlEscapes}\"", StringComparison.Ordinal));
    }

    private string LabPath { get; }

    public void Dispose()
    {
        labs.Dispose();
        data.Dispose();
    }

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("junit")]
    [InlineData("markdown")]
    public async Task Check_shows_the_labs_escapes_and_forges_no_line(string format)
    {
        await using var server = await ScriptedHttpServer.StartAsync((context, request) => RdsReplies.Success(context, request.Action!, ""));

        var run = await CliRun.RunAsync(["check", LabPath, "--var", "yourname=alice", "--endpoint", server.Endpoint.ToString(), "--format", format, "--data-dir", data.Path]);

        Assert.True(run.ExitCode == 1, $"exit {run.ExitCode}; stderr: {run.Error}");
        Assert.Empty(run.RawCharacters());
        Assert.Contains("x1b", run.Output, StringComparison.Ordinal);
        Assert.Contains("0;pwned", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(run.Lines, line => HostileEndpointTests.ForgedStarts.Any(forged => line.TrimStart().StartsWith(forged, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Lint_prints_nothing_raw()
    {
        var run = await CliRun.RunAsync(["lint", LabPath]);

        Assert.Contains("0 errors", run.Output, StringComparison.Ordinal);
        Assert.Empty(run.RawCharacters());
    }

    [Fact]
    public async Task The_lab_screen_draws_the_page_and_the_hint_with_their_escapes_and_no_bidi_control()
    {
        var manifest = Path.Combine(LabPath, "lab.yaml");
        File.WriteAllLines(manifest, File.ReadAllLines(manifest).Select(line =>
            line.StartsWith("        hint: In the console's Databases", StringComparison.Ordinal) ? $"        hint: \"Look {YamlEscapes}\"" : line));
        var page = Path.Combine(LabPath, "pages", "find-cluster.md");
        File.WriteAllText(page, File.ReadAllText(page).Replace("# Find your cluster\n", "# Find your cluster\n\nReversed \u202eevil\u202c, isolated \u2067evil\u2069, split\u2028here, referenced &#x202E;evil and&#8232;here.\n", StringComparison.Ordinal));
        await using var sandbox = await SandboxFixture.StartAsync();
        var options = new TuiOptions
        {
            LabFolders = [labs.Path],
            Lab = "aurora-backup",
            Variables = new Dictionary<string, string> { ["yourname"] = "alice" },
            TargetKind = TargetKind.Sandbox,
            Connect = _ => SandboxLabTarget.ConnectAsync(sandbox),
            DataDirectory = data.Path,
            LogUnexpected = exception => throw new InvalidOperationException("unexpected", exception),
            Time = sandbox.Time,
            Palette = Palette.Monochrome,
        };

        using var terminal = new HeadlessTerminal();
        terminal.Drive(() => new TuiFlow(terminal.App, options).Run(),
            WaitFor(@"Reversed \u202eevil\u202c,"),
            Expect("the page's isolates, separators and references as escapes", screen =>
                new[] { @"\u2067evil\u2069,", @"split\u2028here,", @"\u202eevil", @"and\u2028here." }.All(escape => screen.Contains(escape, StringComparison.Ordinal))),
            Expect("no hidden character drawn on the page", screen => !HasHiddenCharacter(screen)),
            Press('h'),
            WaitFor(@"Look \x1b]0;pwned\x07"),
            Expect("the hint's title and text with escapes", screen => screen.Contains(@"Hint · Find \x1b]0;pwned", StringComparison.Ordinal) && screen.Contains(@"\u202eevil\r", StringComparison.Ordinal)),
            Expect("no hidden character drawn in the hint", screen => !HasHiddenCharacter(screen)),
            Press(Key.Esc),
            Press('q'));
    }

    /// <summary>A bidi override or isolate, a line or paragraph separator, ESC or a C1 control.</summary>
    private static bool HasHiddenCharacter(string screen) =>
        screen.Any(c => c is (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069') or '\u2028' or '\u2029' or '\u001b' or (>= '\u0080' and <= '\u009f'));

    [Fact]
    public void The_picker_shows_the_title_and_description_with_their_escapes()
    {
        using var terminal = new HeadlessTerminal(width: 160);
        var sandbox = new TargetInfo(TargetKind.Sandbox, new Uri("http://127.0.0.1:9/"));
        using var picker = new PickerScreen(terminal.App, Palette.Monochrome, TargetKind.Sandbox, [labs.Path], Task.Run(() => LabCatalog.Load([labs.Path])), Task.FromResult(sandbox), (_, _) => null);

        terminal.Drive(() => terminal.App.Run(picker),
            WaitFor(@"Aurora \x1b]0;pwned\x07"),
            Expect("the description's escapes, on its own line", screen => screen.Contains(@"Snapshots \x1b]0;pwned\x07", StringComparison.Ordinal)),
            Expect("no bidi override or C1 control drawn", screen => !HasHiddenCharacter(screen)),
            Press('q'));
    }
}
