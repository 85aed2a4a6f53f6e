using LabRunner.Tui.Hosting;
using Terminal.Gui.App;

namespace LabRunner.Fronts.Tests.Tui;

/// <summary>
/// The TUI reads keys through <see cref="ResponsiveInput"/>, set into a field of Terminal.Gui's application that is not
/// public: this fails when a Terminal.Gui upgrade moves it, instead of keys silently waiting 20 ms again.
/// </summary>
public sealed class ResponsiveInputTests
{
    [Fact]
    public void It_goes_into_a_new_application_once()
    {
        using var app = Application.Create();

        Assert.True(ResponsiveInput.InstallInto(app, () => { }));
        Assert.False(ResponsiveInput.InstallInto(app, () => { }));
    }
}
