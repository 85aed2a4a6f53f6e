using LabRunner.Engine.Steps;
using LabRunner.Engine.Targets;
using Terminal.Gui.Configuration;
using Terminal.Gui.Drawing;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace LabRunner.Tui.Theme;

/// <summary>
/// The colours LabRunner adds to Terminal.Gui's theme: status glyphs, the target badge, the header. Without colour
/// (<c>NO_COLOR</c>) every attribute keeps the view's own colours and meaning rests on words, glyphs and text styles.
/// </summary>
public sealed class Palette
{
    private Palette(bool usesColor) => UsesColor = usesColor;

    public static Palette Colored { get; } = new(usesColor: true);

    public static Palette Monochrome { get; } = new(usesColor: false);

    /// <summary>Colour unless the <c>NO_COLOR</c> environment variable is set to anything (https://no-color.org).</summary>
    public static Palette FromEnvironment() =>
        string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")) ? Colored : Monochrome;

    public bool UsesColor { get; }

    /// <summary>A status glyph or word on a view whose normal colours are <paramref name="normal"/>.</summary>
    public Attribute Status(StepStatus status, Attribute normal) => UsesColor
        ? normal with { Foreground = StatusColor(status) }
        : normal with { Style = status is StepStatus.Failed or StepStatus.Error ? TextStyle.Bold : TextStyle.None };

    public static Attribute Emphasis(Attribute normal) => normal with { Style = normal.Style | TextStyle.Bold };

    public Attribute Quiet(Attribute normal) => UsesColor ? normal with { Foreground = Color.DarkGray } : normal with { Style = TextStyle.Faint };

    /// <summary>The header line: the same for every target, so the badge stands out.</summary>
    public Attribute Header => UsesColor ? new Attribute(Color.White, Color.Blue) : new Attribute(Color.None, Color.None, TextStyle.Reverse);

    /// <summary>
    /// The target badge: black on green for the sandbox, white on red for AWS, so practice and a real account never
    /// look alike; without colour the words alone differ ("SANDBOX" and "AWS · REAL ACCOUNT").
    /// </summary>
    /// <summary>The badge's colours: green for the sandbox, red for a real account (or one not yet connected), yellow for another endpoint.</summary>
    public Attribute Badge(TargetKind kind, TargetInfo? target = null) => !UsesColor
        ? new Attribute(Color.None, Color.None, TextStyle.Bold)
        : kind == TargetKind.Sandbox
            ? new Attribute(Color.Black, Color.BrightGreen, TextStyle.Bold)
            : target is { IsAmazon: false }
                ? new Attribute(Color.Black, Color.BrightYellow, TextStyle.Bold)
                : new Attribute(Color.White, Color.Red, TextStyle.Bold);

    /// <summary>
    /// Without colour, replaces every Terminal.Gui scheme with one in the terminal's own colours, where focus and
    /// selection are reverse video: Terminal.Gui alone would still paint its 16-colour theme.
    /// </summary>
    public void ApplyToSchemes()
    {
        if (UsesColor)
            return;
        var plain = new Attribute(Color.None, Color.None);
        var monochrome = new Scheme(plain)
        {
            Focus = plain with { Style = TextStyle.Reverse },
            HotNormal = plain with { Style = TextStyle.Underline },
            HotFocus = plain with { Style = TextStyle.Reverse | TextStyle.Underline },
            Active = plain with { Style = TextStyle.Reverse },
            HotActive = plain with { Style = TextStyle.Reverse | TextStyle.Underline },
            Highlight = plain with { Style = TextStyle.Bold },
            Editable = plain with { Style = TextStyle.Underline },
            ReadOnly = plain,
            Disabled = plain with { Style = TextStyle.Faint },
        };
        foreach (var name in SchemeManager.GetSchemeNames())
            SchemeManager.AddScheme(name, monochrome);
    }

    private static Color StatusColor(StepStatus status) => status switch
    {
        StepStatus.Passed => Color.BrightGreen,
        StepStatus.Failed => Color.BrightRed,
        StepStatus.InProgress => Color.BrightYellow,
        StepStatus.Error => Color.BrightMagenta,
        StepStatus.Manual => Color.BrightCyan,
        StepStatus.Acknowledged => Color.Green,
        _ => Color.Gray,
    };
}
