using LabRunner.Content.Markdown;
using LabRunner.Content.Markdown.Admonitions;
using LabRunner.Content.Markdown.Tabs;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace LabRunner.Content.Tests;

public sealed class ContentTabTests
{
    private const string TwoTabs = "=== \"Console\"\n    Choose **Databases**.\n\n=== \"AWS CLI\"\n    ```sh\n    aws rds describe-db-clusters\n    ```\n";

    [Fact]
    public void Tabs_one_after_the_other_form_one_set_each_a_quote_titled_in_bold_with_its_body()
    {
        var document = LabMarkdown.Parse(TwoTabs);

        var set = Assert.Single(ContentTabSet.In(document));
        Assert.Equal(["Console", "AWS CLI"], set.Titles);
        var cli = set.Tabs[1];
        Assert.Equal(new ContentTab("AWS CLI", Selected: false, StartsSet: false), ContentTab.Of(cli));
        Assert.Equal("AWS CLI", BoldTitle(cli));
        var code = Assert.IsType<FencedCodeBlock>(Assert.Single(ContentTab.BodyOf(cli)));
        Assert.Equal("aws rds describe-db-clusters", code.Lines.ToString());
    }

    [Fact]
    public void A_set_shows_the_preferred_title_else_the_one_marked_with_a_plus_else_the_first()
    {
        var plain = Assert.Single(ContentTabSet.In(LabMarkdown.Parse(TwoTabs)));
        var marked = Assert.Single(ContentTabSet.In(LabMarkdown.Parse("=== \"A\"\n    a\n===+ \"B\"\n    b\n")));

        Assert.Equal("AWS CLI", ContentTab.Of(plain.Choose("aws cli"))!.Title);
        Assert.Equal("Console", ContentTab.Of(plain.Choose("Terraform"))!.Title);
        Assert.Equal("Console", ContentTab.Of(plain.Choose(null))!.Title);
        Assert.Equal("B", ContentTab.Of(marked.Choose("Console"))!.Title);
        Assert.True(ContentTab.Of(marked.Tabs[1])!.Selected);
    }

    [Fact]
    public void Text_between_tabs_or_an_exclamation_mark_starts_a_new_set()
    {
        var split = LabMarkdown.Parse("=== \"A\"\n    a\n\nBetween.\n\n=== \"B\"\n    b\n===! \"C\"\n    c\n");

        Assert.Equal([["A"], ["B"], ["C"]], ContentTabSet.In(split).Select(set => set.Titles.ToArray()));
    }

    [Fact]
    public void Tabs_nest_in_list_items_and_hold_admonitions()
    {
        var document = LabMarkdown.Parse("1. Do it:\n\n    === \"Console\"\n        !!! note\n            Careful.\n\n    === \"AWS CLI\"\n        Run it.\n\n2. Next.\n");

        var list = Assert.IsType<ListBlock>(Assert.Single(document));
        Assert.Equal(2, list.Count);
        var set = Assert.Single(ContentTabSet.In(document));
        Assert.Same(list[0], set.Tabs[0].Parent);
        Assert.NotNull(Admonition.Of(Assert.Single(ContentTab.BodyOf(set.Tabs[0]))));
    }

    [Theory]
    [InlineData("=== Console\n    body\n")]
    [InlineData("=== \"Console\n    body\n")]
    [InlineData("=== \"\"\n    body\n")]
    [InlineData("Title\n===\n")]
    [InlineData("    === \"Console\"\n")]
    public void Lines_that_only_look_like_tabs_are_not_tabs(string markdown)
    {
        Assert.Empty(ContentTabSet.In(LabMarkdown.Parse(markdown)));
    }

    [Theory]
    [InlineData("=== Console", true)]
    [InlineData("=== \"Console", true)]
    [InlineData("===+ AWS CLI", true)]
    [InlineData("=== \"Console\"", false)]
    [InlineData("===", false)]
    [InlineData("======", false)]
    public void A_broken_opening_is_three_equals_and_a_title_not_in_closed_quotes(string line, bool broken)
    {
        Assert.Equal(broken, ContentTabParser.LooksLikeABrokenOpening(line));
    }

    [Fact]
    public void Rendered_to_html_each_tab_is_a_standard_blockquote()
    {
        var html = Markdig.Markdown.ToHtml("=== \"Console\"\n    Click.\n=== \"AWS CLI\"\n    Type.\n", LabMarkdown.Pipeline);

        Assert.Equal("<blockquote>\n<p><strong>Console</strong></p>\n<p>Click.</p>\n</blockquote>\n<blockquote>\n<p><strong>AWS CLI</strong></p>\n<p>Type.</p>\n</blockquote>\n", html);
    }

    private static string BoldTitle(QuoteBlock quote)
    {
        var title = Assert.IsType<ParagraphBlock>(quote[0]);
        var strong = Assert.IsType<EmphasisInline>(Assert.Single(title.Inline!));
        return Assert.IsType<LiteralInline>(Assert.Single(strong)).Content.ToString();
    }
}
