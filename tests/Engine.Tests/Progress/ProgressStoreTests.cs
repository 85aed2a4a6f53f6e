using LabRunner.Engine.Progress;
using Microsoft.Extensions.Time.Testing;

namespace LabRunner.Engine.Tests.Progress;

public sealed class ProgressStoreTests : IDisposable
{
    private readonly TempDirectory data = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));
    private readonly ProgressStore store;

    public ProgressStoreTests() => store = new ProgressStore(data.Path, time);

    public void Dispose() => data.Dispose();

    private static LabProgress Alice() => new()
    {
        Lab = "aurora-backup",
        Target = "sandbox",
        Learner = "alice",
        Variables = { ["yourname"] = "alice" },
        Steps = { ["take-snapshot"] = new StepProgress { Status = "passed", Reason = "snapshot is available", Baselines = { ["k"] = "07:10-07:40" } } },
    };

    [Fact]
    public void Saved_progress_loads_back_as_it_was()
    {
        store.Save(Alice());

        var loaded = store.Load("aurora-backup", "sandbox", "alice");

        Assert.Null(loaded.Warning);
        Assert.Equal("alice", loaded.Progress.Variables["yourname"]);
        Assert.Equal("passed", loaded.Progress.Steps["take-snapshot"].Status);
        Assert.Equal("07:10-07:40", loaded.Progress.Steps["take-snapshot"].Baselines["k"]);
        Assert.Equal(time.GetUtcNow(), loaded.Progress.UpdatedAt);
        Assert.Equal(Path.Combine(data.Path, "progress", "aurora-backup", "sandbox", "alice.json"), store.PathFor("aurora-backup", "sandbox", "alice"));
    }

    [Fact]
    public void No_file_means_fresh_progress_without_a_warning()
    {
        var loaded = store.Load("aurora-backup", "sandbox", "bob");

        Assert.Null(loaded.Warning);
        Assert.Empty(loaded.Progress.Steps);
        Assert.Equal("bob", loaded.Progress.Learner);
    }

    [Fact]
    public void A_corrupt_file_is_moved_aside_with_a_message_naming_both_files()
    {
        var path = store.PathFor("aurora-backup", "sandbox", "alice");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "{ \"lab\": \"aurora-backup\", \"steps\": ");

        var loaded = store.Load("aurora-backup", "sandbox", "alice");

        var aside = path + ".corrupt-20261125T100000Z";
        Assert.False(File.Exists(path));
        Assert.Equal("{ \"lab\": \"aurora-backup\", \"steps\": ", File.ReadAllText(aside));
        Assert.StartsWith($"progress file {path} could not be read (", loaded.Warning);
        Assert.EndsWith($"); it was moved to {aside} and this run starts afresh", loaded.Warning);
        Assert.Empty(loaded.Progress.Steps);
    }

    [Fact]
    public void A_file_of_another_version_is_set_aside_too()
    {
        var progress = Alice();
        progress.Version = 99;
        store.Save(progress);

        var loaded = store.Load("aurora-backup", "sandbox", "alice");

        Assert.Contains("it is version 99, this LabRunner reads version 1", loaded.Warning);
    }

    [Fact]
    public void Writes_leave_no_temporary_files_behind()
    {
        store.Save(Alice());
        store.Save(Alice());

        var folder = Path.GetDirectoryName(store.PathFor("aurora-backup", "sandbox", "alice"))!;
        Assert.Equal(["alice.json"], Directory.GetFiles(folder).Select(Path.GetFileName));
    }

    [Fact]
    public void Names_cannot_escape_the_progress_folder()
    {
        var path = store.PathFor("../../etc", "aws/../x", "../passwd");

        Assert.StartsWith(Path.Combine(data.Path, "progress") + Path.DirectorySeparatorChar, Path.GetFullPath(path));
        Assert.Equal(Path.Combine(data.Path, "progress", "______etc", "aws____x", "___passwd.json"), path);
    }

    [Fact]
    public void Listing_gives_the_most_recent_learner_first()
    {
        store.Save(Alice());
        time.Advance(TimeSpan.FromMinutes(1));
        var bob = Alice();
        bob.Learner = "bob";
        store.Save(bob);

        Assert.Equal(["bob", "alice"], store.List("aurora-backup", "sandbox").Select(progress => progress.Learner));
        Assert.Empty(store.List("aurora-backup", "aws-us-east-1"));
    }
}
