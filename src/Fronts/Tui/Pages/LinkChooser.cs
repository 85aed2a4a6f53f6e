using LabRunner.Content.Markdown;
using LabRunner.Content.Text;
using LabRunner.Tui.Running;
using LabRunner.Tui.Widgets;
using Terminal.Gui.App;

namespace LabRunner.Tui.Pages;

/// <summary>A page's links from the keyboard: numbered in a dialog, the chosen one opened as a click on it would be.</summary>
public static class LinkChooser
{
    /// <summary>Links 1 to 9: each button's hot key is its digit.</summary>
    private const int MaxLinks = 9;

    /// <summary>What to tell the learner afterwards, or null when they closed the dialog.</summary>
    /// <param name="localTarget">The file a relative link leads to, or the link itself.</param>
    public static Notice? Choose(IApplication app, string markdown, Func<string, string> localTarget)
    {
        var addresses = LinkAddresses.Of(markdown).Take(MaxLinks).ToList();
        if (addresses.Count == 0)
            return new Notice(NoticeTone.Info, "This page has no links.");
        // Not indented, so the dialog wraps a long address instead of cutting it.
        var list = string.Join("\n", addresses.Select((address, index) => address.Label == address.Url
            ? $"{index + 1}. {VisibleText.Of(address.Url)}"
            : $"{index + 1}. {VisibleText.Of(address.Label)}: {VisibleText.Of(address.Url)}"));
        var chosen = TextDialog.Show(app, "Links on this page", $"{list}\n\nPress a link's number to open it.",
            [.. addresses.Select((_, index) => $"_{index + 1}"), "_Close"]);
        return chosen is { } index && index < addresses.Count ? Open(addresses[index].Url, localTarget(addresses[index].Url)) : null;
    }

    /// <summary>Opens <paramref name="target"/> in the desktop's browser or viewer, or gives the address to open by hand.</summary>
    public static Notice Open(string url, string target) => LinkOpener.TryOpen(target)
        ? new Notice(NoticeTone.Info, $"Opened {url}")
        : new Notice(NoticeTone.Info, $"Open this in your browser: {url}");
}
