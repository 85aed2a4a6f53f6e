using LabRunner.TestSupport;

namespace LabRunner.Fronts.Tests.Shipping;

/// <summary>The second channel: labrunner as a .NET tool, installed from a package folder and run from an empty folder.</summary>
public sealed class ToolPackageTests : IDisposable
{
    private readonly TempDirectory scratch = new();

    public void Dispose() => scratch.Dispose();

    [Fact]
    public async Task The_tool_package_installs_and_lints_a_built_in_lab_by_name()
    {
        var packages = Directory.CreateDirectory(Path.Combine(scratch.Path, "packages")).FullName;
        var tools = Path.Combine(scratch.Path, "tools");
        var home = Directory.CreateDirectory(Path.Combine(scratch.Path, "home")).FullName;
        var empty = Directory.CreateDirectory(Path.Combine(scratch.Path, "empty")).FullName;
        var environment = new Dictionary<string, string>(LabRunnerBinary.IsolatedEnvironment(home))
        {
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["NUGET_PACKAGES"] = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
        };

        var pack = await ExternalProcess.RunAsync("dotnet",
            ["pack", Repository.PathOf("src", "Fronts", "Cli", "LabRunner.Cli.csproj"), "--no-build", "-c", BuildConfiguration, "-o", packages],
            environment, TimeSpan.FromMinutes(5));
        Assert.True(pack.ExitCode == 0, pack.ToString());
        var package = Assert.Single(Directory.GetFiles(packages, "labrunner.*.nupkg"));
        Assert.Empty(Directory.GetFiles(packages, "LabRunner.*.nupkg"));

        var install = await ExternalProcess.RunAsync("dotnet",
            ["tool", "install", "labrunner", "--tool-path", tools, "--add-source", packages, "--prerelease"],
            environment, TimeSpan.FromMinutes(5), workingDirectory: empty);
        Assert.True(install.ExitCode == 0, install.ToString());
        Assert.Contains("labrunner", install.StandardOutput);

        var lint = await ExternalProcess.RunAsync(Path.Combine(tools, "labrunner"), ["lint", "aurora-backup"], environment, TimeSpan.FromMinutes(2), workingDirectory: empty);
        Assert.True(lint.ExitCode == 0, lint.ToString() + "\npackage: " + package);
        Assert.Contains("aurora-backup: 0 errors", lint.StandardOutput);
    }

    /// <summary>Debug or Release, as the tests (and so the labrunner they reference) were built.</summary>
    private static string BuildConfiguration =>
        AppContext.BaseDirectory.Split(Path.DirectorySeparatorChar).Contains("Release") ? "Release" : "Debug";
}
