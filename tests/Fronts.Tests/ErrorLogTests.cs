using LabRunner.Cli;
using LabRunner.Fronts.Tests.Check;
using LabRunner.TestSupport;

namespace LabRunner.Fronts.Tests;

/// <summary>The crash log: in the data folder the command was given, owner-only, never written through a planted link.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ErrorLogTests : IDisposable
{
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private readonly TempDirectory data = new();

    private string LogPath => Path.Combine(data.Path, "logs", ErrorLog.FileName);

    /// <summary>A data folder where LabRunner cannot make its sandbox folder, so check fails in a way nobody planned for.</summary>
    private void BreakSandboxFolder() => File.WriteAllText(Path.Combine(data.Path, "sandbox"), "not a folder");

    [Fact]
    public async Task An_unexpected_failure_is_logged_in_the_data_folder_given_by_data_dir()
    {
        BreakSandboxFolder();

        var run = await CliRun.RunAsync(["check", Repository.PathOf("labs", "aurora-backup"), "--var", "yourname=alice", "--data-dir", data.Path]);

        Assert.Equal(ExitCodes.Internal, run.ExitCode);
        Assert.Contains($"labrunner: the details are in {LogPath}", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.Contains("   at ", await File.ReadAllTextAsync(LogPath));
    }

    [Fact]
    public async Task The_real_binary_logs_in_the_data_folder_named_by_LABRUNNER_DATA_DIR()
    {
        BreakSandboxFolder();

        var run = await ExternalProcess.RunAsync(LabRunnerBinary.Path,
            ["check", Repository.PathOf("labs", "aurora-backup"), "--var", "yourname=alice"],
            new Dictionary<string, string> { ["LABRUNNER_DATA_DIR"] = data.Path });

        Assert.Equal(ExitCodes.Internal, run.ExitCode);
        Assert.Contains($"the details are in {LogPath}", run.StandardError);
        Assert.True(File.Exists(LogPath), run.ToString());
    }

    [Fact]
    public void The_log_and_its_folders_are_for_their_owner_only()
    {
        var fresh = Path.Combine(data.Path, "new-data");

        var written = ErrorLog.Write(new InvalidOperationException("boom"), fresh);

        Assert.Equal(Path.Combine(fresh, "logs", ErrorLog.FileName), written);
        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(written));
        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(Path.Combine(fresh, "logs")));
        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(fresh));
    }

    [Fact]
    public void An_existing_log_is_appended_to_and_made_owner_only()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(LogPath)!);
        File.WriteAllText(LogPath, "earlier entry\n");
        File.SetUnixFileMode(LogPath, OwnerOnlyFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        ErrorLog.Write(new InvalidOperationException("boom"), data.Path);

        Assert.StartsWith("earlier entry\n", File.ReadAllText(LogPath));
        Assert.Contains("InvalidOperationException: boom", File.ReadAllText(LogPath));
        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(LogPath));
    }

    [Fact]
    public void A_symbolic_link_at_the_log_path_is_not_followed()
    {
        var victim = Path.Combine(data.Path, "victim.txt");
        File.WriteAllText(victim, "precious\n");
        Directory.CreateDirectory(Path.GetDirectoryName(LogPath)!);
        File.CreateSymbolicLink(LogPath, victim);

        var written = ErrorLog.Write(new InvalidOperationException("boom"), data.Path);

        try
        {
            Assert.Equal("precious\n", File.ReadAllText(victim));
            Assert.NotEqual(LogPath, written);
            Assert.Contains("InvalidOperationException: boom", File.ReadAllText(written));
            Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(written));
            Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(Path.GetDirectoryName(written)!));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(written)!, recursive: true);
        }
    }

    /// <summary>Another process swaps a link to a victim in and out at the log's path while crashes are logged: the open itself refuses the link, so no check can be raced.</summary>
    [Fact]
    public async Task A_link_swapped_in_while_logging_is_never_followed()
    {
        var victim = Path.Combine(data.Path, "victim.txt");
        File.WriteAllText(victim, "precious\n");
        Directory.CreateDirectory(Path.GetDirectoryName(LogPath)!);
        using var stop = new CancellationTokenSource();
        var swapper = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    File.Delete(LogPath);
                    File.CreateSymbolicLink(LogPath, victim);
                }
                catch (IOException)
                {
                    // The log was made in between: the next round deletes it.
                }
            }
        });

        var written = Enumerable.Range(0, 3000).Select(index => ErrorLog.Write(new InvalidOperationException($"boom {index}"), data.Path)).ToList();
        await stop.CancelAsync();
        await swapper;

        foreach (var fallback in written.Where(path => path != LogPath))
            Directory.Delete(Path.GetDirectoryName(fallback)!, recursive: true);
        Assert.Equal("precious\n", File.ReadAllText(victim));
    }

    [Fact]
    public void The_fallback_log_is_in_a_new_private_folder_not_a_shared_temporary_file()
    {
        var shared = Path.Combine(Path.GetTempPath(), ErrorLog.FileName);
        var blocked = Path.Combine(data.Path, "blocked");
        File.WriteAllText(blocked, "a file where the data folder should be");

        var written = ErrorLog.Write(new InvalidOperationException("boom"), blocked);

        try
        {
            Assert.NotEqual(shared, written);
            Assert.StartsWith(Path.GetTempPath(), written);
            Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(Path.GetDirectoryName(written)!));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(written)!, recursive: true);
        }
    }

    public void Dispose() => data.Dispose();
}
