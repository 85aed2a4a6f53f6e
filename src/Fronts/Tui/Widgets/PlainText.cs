using System.Text;

namespace LabRunner.Tui.Widgets;

/// <summary>Text from a lab or an API is shown as written: an underscore in it (backup_window) is no hot-key marker.</summary>
public static class PlainText
{
    /// <summary>The <c>HotKeySpecifier</c> that turns hot keys off.</summary>
    public static readonly Rune NoHotKey = (Rune)0xFFFF;
}
