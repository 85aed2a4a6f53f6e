using System.Text;
using LabRunner.Engine.Progress;
using Microsoft.Extensions.Time.Testing;

namespace LabRunner.Engine.Tests.Progress;

/// <summary>Progress files that several processes use at once, and files that are not what they should be.</summary>
public sealed class SharedProgressTests : IDisposable
{
    private readonly TempDirectory data = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));

    public void Dispose() => data.Dispose();

    /// <summary>A store as another process would have it: its own instance on the same folder.</summary>
    private ProgressStore Store() => new(data.Path, time);

    private string AlicePath => Store().PathFor("aurora-backup", "sandbox", "alice");

    private LabProgress Alice() => Store().Load("aurora-backup", "sandbox", "alice").Progress;

    [Fact]
    public void Two_processes_saving_the_same_learner_keep_each_others_acknowledgements_and_first_passes()
    {
        var first = Alice();
        var second = Alice();
        var early = time.GetUtcNow();
        first.Step("snapshot-actions").AcknowledgedAt = early;
        first.Step("find-cluster").Baselines["window"] = "07:10-07:40";
        Store().Save(first);
        time.Advance(TimeSpan.FromMinutes(1));
        second.Step("take-snapshot").FirstPassedAt = time.GetUtcNow();
        second.Step("take-snapshot").Status = "passed";
        second.Step("take-snapshot").CheckedAt = time.GetUtcNow();
        second.Step("find-cluster").Baselines["window"] = "05:00-05:45";
        Store().Save(second);

        var saved = Alice();
        Assert.Equal(early, saved.Steps["snapshot-actions"].AcknowledgedAt);
        Assert.Equal("passed", saved.Steps["take-snapshot"].Status);
        Assert.Equal("07:10-07:40", saved.Steps["find-cluster"].Baselines["window"]);
        Assert.Equal(early, second.Steps["snapshot-actions"].AcknowledgedAt);
    }

    [Fact]
    public void What_one_process_created_or_cleaned_up_survives_another_process_saving_its_older_list()
    {
        var tui = Alice();
        var perform = Alice();
        perform.RecordCreated(["aurora-alice-snap1"]);
        Store().Save(perform);
        tui.Step("find-cluster").Status = "passed";
        Store().Save(tui);
        Assert.Equal(["aurora-alice-snap1"], Alice().CreatedForLearner);

        var cleanup = Alice();
        cleanup.RecordCleanedUp(["aurora-alice-snap1"]);
        Store().Save(cleanup);
        tui.Step("find-cluster").Status = "passed";
        Store().Save(tui);
        Assert.Empty(Alice().CreatedForLearner);
    }

    [Fact]
    public void The_earliest_acknowledgement_wins_and_the_newest_check_gives_the_status()
    {
        var first = Alice();
        var second = Alice();
        first.Step("manual").AcknowledgedAt = time.GetUtcNow().AddMinutes(5);
        first.Step("find-cluster").Status = "failed";
        first.Step("find-cluster").CheckedAt = time.GetUtcNow().AddMinutes(5);
        Store().Save(first);
        second.Step("manual").AcknowledgedAt = time.GetUtcNow();
        second.Step("find-cluster").Status = "passed";
        second.Step("find-cluster").CheckedAt = time.GetUtcNow();
        Store().Save(second);

        var saved = Alice();
        Assert.Equal(time.GetUtcNow(), saved.Steps["manual"].AcknowledgedAt);
        Assert.Equal("failed", saved.Steps["find-cluster"].Status);
    }

    [Fact]
    public async Task Acknowledgements_saved_from_many_stores_in_parallel_are_all_kept()
    {
        await Task.WhenAll(Enumerable.Range(1, 16).Select(index => Task.Run(() =>
        {
            var progress = Alice();
            progress.Step($"manual-{index}").AcknowledgedAt = time.GetUtcNow();
            Store().Save(progress);
        })));

        Assert.Equal(16, Alice().Steps.Values.Count(step => step.AcknowledgedAt is not null));
    }

    [Fact]
    public async Task A_corrupt_file_met_by_many_loaders_at_once_is_set_aside_once_and_crashes_none()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(AlicePath)!);
        await File.WriteAllTextAsync(AlicePath, "{ \"lab\": ");

        var loads = await Task.WhenAll(Enumerable.Range(1, 12).Select(_ => Task.Run(() =>
        {
            var store = Store();
            var loaded = store.Load("aurora-backup", "sandbox", "alice");
            store.Save(loaded.Progress);
            return loaded;
        })));

        Assert.Single(loads, load => load.Warning is not null);
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(AlicePath)!, "alice.json.corrupt-*"));
        Assert.Null(Store().Load("aurora-backup", "sandbox", "alice").Warning);
    }

    [Fact]
    public void A_valid_file_with_a_byte_order_mark_is_read()
    {
        Store().Save(new LabProgress { Lab = "aurora-backup", Target = "sandbox", Learner = "alice", Variables = { ["yourname"] = "alice" } });
        File.WriteAllBytes(AlicePath, [.. Encoding.UTF8.Preamble, .. File.ReadAllBytes(AlicePath)]);

        var loaded = Store().Load("aurora-backup", "sandbox", "alice");

        Assert.Null(loaded.Warning);
        Assert.Equal("alice", loaded.Progress.Variables["yourname"]);
    }

    [Fact]
    public void A_folder_where_the_file_should_be_is_set_aside_and_progress_saves_again()
    {
        Directory.CreateDirectory(Path.Combine(AlicePath, "inside"));

        var loaded = Store().Load("aurora-backup", "sandbox", "alice");
        Store().Save(loaded.Progress);

        Assert.Contains("it is a folder, not a file", loaded.Warning);
        Assert.True(Directory.Exists(Path.Combine(AlicePath + ".corrupt-20261125T100000Z", "inside")));
        Assert.True(File.Exists(AlicePath));
    }

    [Fact]
    public void A_huge_file_is_set_aside_without_being_read()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(AlicePath)!);
        using (var huge = File.Create(AlicePath))
            huge.SetLength(200L * 1024 * 1024);

        var loaded = Store().Load("aurora-backup", "sandbox", "alice");

        Assert.Contains("it is 200 MiB; a progress file is at most 4 MiB", loaded.Warning);
        Assert.Equal(200L * 1024 * 1024, new FileInfo(AlicePath + ".corrupt-20261125T100000Z").Length);
        Assert.Empty(loaded.Progress.Steps);
    }

    [Fact]
    public void Temporary_files_of_killed_writers_are_removed_once_stale()
    {
        var folder = Path.GetDirectoryName(AlicePath)!;
        Directory.CreateDirectory(folder);
        var stale = Path.Combine(folder, ".alice.json.0123456789abcdef.tmp");
        var recent = Path.Combine(folder, ".alice.json.fedcba9876543210.tmp");
        File.WriteAllText(stale, "{");
        File.WriteAllText(recent, "{");
        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddMinutes(-2));

        Store().Save(Alice());

        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(recent));
    }
}
