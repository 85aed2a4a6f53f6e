using LabRunner.TestSupport;
using LabRunner.Content.Files;

namespace LabRunner.Content.Tests;

public sealed class LabFolderTests : IDisposable
{
    private readonly TempDirectory scratch = new();
    private readonly string lab;

    public LabFolderTests()
    {
        lab = scratch.PathOf("lab");
        scratch.Write("lab/pages/step.md", "# Step\n");
        scratch.Write("outside/secret.md", "# Secret\n");
    }

    [Theory]
    [InlineData("pages/step.md")]
    [InlineData("pages/../pages/step.md")]
    [InlineData("./pages/step.md")]
    public void Paths_inside_the_folder_resolve(string reference)
    {
        var path = Folder().Resolve(reference);

        Assert.Equal((LabPathStatus.File, Path.Join(lab, "pages", "step.md")), (path.Status, path.FullPath));
        Assert.Equal("labs/x/pages/step.md", path.DisplayPath);
    }

    [Theory]
    [InlineData("../outside/secret.md", "points outside the lab folder")]
    [InlineData("pages/../../outside/secret.md", "points outside the lab folder")]
    [InlineData("%2e%2e/outside/secret.md", "points outside the lab folder")]
    [InlineData("/etc/hostname", "is an absolute path")]
    public void Paths_that_leave_the_folder_are_refused(string reference, string problem)
    {
        var path = Folder().Resolve(reference);

        Assert.Equal(LabPathStatus.Refused, path.Status);
        Assert.Contains(problem, path.Problem);
        Assert.Equal("", path.FullPath);
    }

    [Fact]
    public void A_symbolic_link_to_a_file_outside_is_refused()
    {
        File.CreateSymbolicLink(Path.Join(lab, "pages", "linked.md"), scratch.PathOf("outside/secret.md"));

        Assert.Equal(LabPathStatus.Refused, Folder().Resolve("pages/linked.md").Status);
    }

    [Fact]
    public void A_symbolic_link_to_a_file_inside_resolves_to_its_target()
    {
        File.CreateSymbolicLink(Path.Join(lab, "alias.md"), Path.Join("pages", "step.md"));

        var path = Folder().Resolve("alias.md");

        Assert.Equal((LabPathStatus.File, Path.Join(lab, "pages", "step.md")), (path.Status, path.FullPath));
    }

    [Fact]
    public void Symbolic_links_that_loop_are_refused()
    {
        File.CreateSymbolicLink(Path.Join(lab, "a.md"), Path.Join(lab, "b.md"));
        File.CreateSymbolicLink(Path.Join(lab, "b.md"), Path.Join(lab, "a.md"));

        var path = Folder().Resolve("a.md");

        Assert.Equal(LabPathStatus.Refused, path.Status);
        Assert.Contains("loop", path.Problem);
    }

    [Fact]
    public void A_lab_reached_through_a_symbolic_link_still_reads_its_own_files()
    {
        Directory.CreateSymbolicLink(scratch.PathOf("linked-lab"), lab);

        var path = new LabFolder(scratch.PathOf("linked-lab"), "linked-lab").Resolve("pages/step.md");

        Assert.Equal(LabPathStatus.File, path.Status);
    }

    [Fact]
    public void Missing_files_and_folders_are_told_apart()
    {
        Assert.Equal(LabPathStatus.Missing, Folder().Resolve("pages/none.md").Status);
        Assert.Equal("'pages' is a folder, not a file", Folder().Resolve("pages").Problem);
    }

    [Fact]
    public void Text_that_is_not_valid_UTF8_is_located_at_the_bad_byte()
    {
        var result = TextFileReader.Decode([.. "line one\nab"u8, 0xC3, 0x28], "page.md");

        Assert.Equal("page.md:2:3: error LR018: page.md is not UTF-8 text (invalid byte sequence)", result.Problem!.ToString());
    }

    [Fact]
    public void A_bom_is_dropped_and_crlf_kept_for_the_parsers()
    {
        var result = TextFileReader.Decode([.. "\uFEFFa: 1\r\nb: 2\r\n"u8], "lab.yaml");

        Assert.Equal("a: 1\r\nb: 2\r\n", result.Text!.Text);
        Assert.Equal(new Model.SourceSpan("lab.yaml", 2, 1), result.Text.SpanAt(6));
    }

    public void Dispose() => scratch.Dispose();

    private LabFolder Folder() => new(lab, "labs/x");
}
