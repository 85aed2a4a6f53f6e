namespace LabRunner.TestSupport;

/// <summary>
/// The labrunner binary that tests run as a separate process: the one built next to the tests, or the one named by
/// <c>LABRUNNER_BINARY</c> (CI sets it to the published Native AOT binary, so the same tests prove what ships).
/// </summary>
public static class LabRunnerBinary
{
    public const string Variable = "LABRUNNER_BINARY";

    public static string Path
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable(Variable);
            var binary = string.IsNullOrWhiteSpace(configured) ? System.IO.Path.Combine(AppContext.BaseDirectory, "labrunner") : System.IO.Path.GetFullPath(configured);
            return File.Exists(binary) ? binary : throw new FileNotFoundException($"the labrunner binary is not at {binary} ({Variable} names another)", binary);
        }
    }

    /// <summary>Runs labrunner in <paramref name="workingDirectory"/> with its own cache and data folders under <paramref name="home"/>.</summary>
    public static Task<ProcessResult> RunAsync(string workingDirectory, string home, params string[] arguments) =>
        ExternalProcess.RunAsync(Path, arguments, IsolatedEnvironment(home), TimeSpan.FromSeconds(120), workingDirectory: workingDirectory);

    /// <summary>HOME, cache and data folders inside <paramref name="home"/>, so a test touches nothing of the user's.</summary>
    public static IReadOnlyDictionary<string, string> IsolatedEnvironment(string home) => new Dictionary<string, string>
    {
        ["HOME"] = home,
        ["XDG_CACHE_HOME"] = System.IO.Path.Combine(home, ".cache"),
        ["XDG_DATA_HOME"] = System.IO.Path.Combine(home, ".local", "share"),
        ["LABRUNNER_DATA_DIR"] = System.IO.Path.Combine(home, "data"),
    };
}
