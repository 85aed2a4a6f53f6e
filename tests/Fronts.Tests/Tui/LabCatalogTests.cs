using System.Diagnostics;
using LabRunner.TestSupport;
using LabRunner.Tui.Labs;

namespace LabRunner.Fronts.Tests.Tui;

/// <summary>One bad lab in --labs never stops the picker from listing the others: it is listed as broken, with its finding.</summary>
public sealed class LabCatalogTests : IDisposable
{
    private readonly TempDirectory labs = new();

    public void Dispose() => labs.Dispose();

    [Fact]
    public void Labs_that_loop_nest_or_block_are_listed_as_broken_beside_the_good_one()
    {
        Copy(Repository.PathOf("labs", "aurora-backup"), "good");
        Write("alias-loop/lab.yaml", "id: loop\nx-r: &r [*r]\n? *r\n: 1\n");
        Write("deep/lab.yaml", "id: deep\nx: " + new string('[', 100_000) + new string(']', 100_000) + "\n");
        Directory.CreateDirectory(Path.Join(labs.Path, "fifo"));
        using (var mkfifo = Process.Start("mkfifo", [Path.Join(labs.Path, "fifo", "lab.yaml")]))
            mkfifo.WaitForExit();

        var catalog = LabCatalog.Load([labs.Path]);

        Assert.Equal(["alias-loop", "Aurora backups and snapshots", "deep", "fifo"], catalog.Select(entry => entry.Title));
        Assert.NotNull(catalog.Single(entry => entry.Lab is not null).Lab);
        Assert.Contains("error LR023: the alias *r is used inside the node it names", catalog[0].Problems[0]);
        Assert.Contains("error LR023: lists and mappings are nested more than 64 levels deep", catalog[2].Problems[0]);
        Assert.Contains("error LR001: ", catalog[3].Problems[0]);
        Assert.Contains("not a regular file", catalog[3].Problems[0]);
    }

    private void Write(string relative, string text)
    {
        var path = Path.Join(labs.Path, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private void Copy(string source, string name)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Join(labs.Path, name, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }
}
