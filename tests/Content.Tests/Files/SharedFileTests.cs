using LabRunner.TestSupport;
using LabRunner.Content.Files;

namespace LabRunner.Content.Tests.Files;

/// <summary>The two tools every shared file of the data folder is written with: the cross-process lock and the atomic replace.</summary>
public sealed class SharedFileTests : IDisposable
{
    private readonly TempDirectory folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task A_second_holder_gets_the_lock_only_once_the_first_lets_go()
    {
        var lockPath = folder.PathOf("state.json.lock");
        var first = FileLock.Acquire(lockPath);
        var released = false;

        var second = Task.Run(() =>
        {
            using var held = FileLock.Acquire(lockPath);
            return Volatile.Read(ref released);
        });
        await Task.Delay(TimeSpan.FromMilliseconds(200));
        Volatile.Write(ref released, true);
        first.Dispose();

        Assert.True(await second, "the second holder got the lock while the first still held it");
    }

    [Fact]
    public void A_replace_that_fails_half_way_leaves_the_old_file_and_no_temporary_file()
    {
        var path = folder.Write("state.json", "old");

        Assert.Throws<InvalidOperationException>(() => AtomicFile.Replace(path, stream =>
        {
            stream.Write("half"u8);
            throw new InvalidOperationException("the writer failed");
        }));

        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal(["state.json"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_replace_puts_the_new_content_in_place()
    {
        var path = folder.Write("state.json", "old");

        AtomicFile.Replace(path, stream => stream.Write("new"u8));

        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal(["state.json"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }
}
