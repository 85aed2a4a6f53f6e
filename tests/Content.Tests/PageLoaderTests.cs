using LabRunner.TestSupport;
using LabRunner.Content.Files;
using LabRunner.Content.Findings;
using LabRunner.Content.Markdown;
using LabRunner.Content.Model;
using LabRunner.Content.Templates;
using LabRunner.Content.Tests.Support;

namespace LabRunner.Content.Tests;

public sealed class PageLoaderTests : IDisposable
{
    private readonly TempDirectory folder = new();

    [Fact]
    public void Placeholders_with_values_are_filled_and_the_others_stay_as_written()
    {
        var page = Load("Find `{cluster}` for {YOUR_NAME}, not {other}; braces: {{x}}.\n", ("cluster", "aurora-bob-cluster"), ("yourname", "Bob"));

        Assert.Equal("Find `aurora-bob-cluster` for Bob, not {other}; braces: {x}.\n", page.Markdown);
    }

    [Fact]
    public void A_missing_image_is_shown_as_its_alt_text_and_path_and_reported_where_it_is()
    {
        var page = Load("# Step\n\nText.\n\n![snapshot list](assets/images/snapshot_list.png)\n");

        Assert.Equal("# Step\n\nText.\n\n\\[image: snapshot list — assets/images/snapshot\\_list.png\\]\n", page.Markdown);
        Assert.Equal("<p>[image: snapshot list — assets/images/snapshot_list.png]</p>\n",
            Markdig.Markdown.ToHtml(page.Markdown.Split("\n\n")[2], LabMarkdown.Pipeline));
        var finding = Assert.Single(page.Findings);
        Assert.Equal((FindingCodes.MissingLinkTarget, 5, 1), (finding.Code, finding.Location.Line, finding.Location.Column));
    }

    [Fact]
    public void An_image_without_alt_text_is_shown_as_its_path()
    {
        Assert.Equal("\\[image: assets/a.png\\]", MissingImages.Rewrite("![](assets/a.png)", _ => true));
    }

    [Fact]
    public void Links_and_images_resolve_relative_to_the_page_inside_the_lab_folder()
    {
        folder.Write("pages/img/diagram.png", [1, 2, 3]);
        folder.Write("pages/other.md", "# Other\n");

        var page = Load("![diagram](img/diagram.png) [next](other.md#top) [docs](https://example.com) [here](#anchor)\n");

        Assert.Empty(page.Findings);
        Assert.Equal("![diagram](img/diagram.png) [next](other.md#top) [docs](https://example.com) [here](#anchor)\n", page.Markdown);
        Assert.Equal(["img/diagram.png", "other.md#top"], page.Links.Select(link => link.Url));
        Assert.Equal(folder.PathOf("pages/img/diagram.png"), page.LocalFile("img/diagram.png"));
        Assert.Equal(folder.PathOf("pages/other.md"), page.LocalFile("other.md#top"));
        Assert.Null(page.LocalFile("https://example.com"));
    }

    [Fact]
    public void An_image_outside_the_lab_is_neither_read_nor_shown()
    {
        var page = Load("![secret](../../../etc/hostname)\n");

        Assert.Equal(FindingCodes.EscapesLab, Assert.Single(page.Findings).Code);
        Assert.Null(page.LocalFile("../../../etc/hostname"));
        Assert.Equal("\\[image: secret — ../../../etc/hostname\\]\n", page.Markdown);
    }

    [Fact]
    public void A_page_that_cannot_be_read_gives_its_finding_and_no_text()
    {
        var page = PageLoader.Load(new LabFolder(folder.Path, "lab"), new PageRef("pages/none.md", "", new SourceSpan("lab/lab.yaml", 7, 15)), new PlaceholderValues([]));

        Assert.Null(page.Source);
        Assert.Equal("", page.Markdown);
        Assert.Equal("lab/lab.yaml:7:15: error LR008: page 'pages/none.md' does not exist", Assert.Single(page.Findings).ToString());
    }

    [Fact]
    public void Every_page_of_the_aurora_lab_renders_with_every_placeholder_filled()
    {
        var lab = Labs.AuroraBackup();
        var learner = Learners.LearnerBinding.Bind(lab, new Dictionary<string, string> { ["yourname"] = "bob" }).Learner!;

        foreach (var pageRef in lab.Steps.Select(step => step.Page).Append(lab.Recap!))
        {
            var page = PageLoader.Load(lab, pageRef, learner.Values);
            Assert.DoesNotContain("{", page.Markdown);
            Assert.All(page.Findings, finding => Assert.Equal(FindingCodes.MissingLinkTarget, finding.Code));
        }
    }

    public void Dispose() => folder.Dispose();

    private LabPage Load(string markdown, params (string Name, string Value)[] values)
    {
        folder.Write("pages/step.md", markdown);
        var pageRef = new PageRef("pages/step.md", folder.PathOf("pages/step.md"), new SourceSpan("lab.yaml", 1, 1));
        return PageLoader.Load(new LabFolder(folder.Path, ""), pageRef, new PlaceholderValues(values.Select(pair => KeyValuePair.Create(pair.Name, pair.Value))));
    }
}
