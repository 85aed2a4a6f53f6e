using LabRunner.Content.Markdown;
using LabRunner.Content.Markdown.Admonitions;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace LabRunner.Content.Tests;

public sealed class AdmonitionTests
{
    [Fact]
    public void An_admonition_becomes_a_quote_whose_first_paragraph_is_the_bold_title()
    {
        var document = LabMarkdown.Parse("!!! Note \"Recap\"\n    - Snapshots live in S3\n    - You can copy them\n");

        var quote = Assert.IsType<QuoteBlock>(Assert.Single(document));
        Assert.Equal(new Admonition("note", "Recap", Collapsible: false, InitiallyOpen: true), Admonition.Of(quote));
        Assert.Equal("Recap", BoldTitle(quote));
        var list = Assert.IsType<ListBlock>(quote[1]);
        Assert.Equal(2, list.Count);
    }

    [Fact]
    public void Question_marks_make_it_collapsible_folded_and_a_plus_makes_it_open()
    {
        var folded = Admonition.Of(LabMarkdown.Parse("??? tip\n    Body.\n")[0]);
        var open = Admonition.Of(LabMarkdown.Parse("???+ warning \"Careful\"\n    Body.\n")[0]);

        Assert.Equal(new Admonition("tip", "Tip", Collapsible: true, InitiallyOpen: false), folded);
        Assert.Equal(new Admonition("warning", "Careful", Collapsible: true, InitiallyOpen: true), open);
    }

    [Fact]
    public void A_type_without_a_title_is_titled_by_the_type_capitalised()
    {
        var quote = (QuoteBlock)LabMarkdown.Parse("!!! warning\n    Mind the gap.\n")[0];

        Assert.Equal("Warning", BoldTitle(quote));
    }

    [Fact]
    public void An_empty_title_shows_no_title()
    {
        var quote = (QuoteBlock)LabMarkdown.Parse("!!! note \"\"\n    Just the body.\n")[0];

        Assert.Null(Admonition.Of(quote)!.Title);
        Assert.Equal("Just the body.", ((LiteralInline)((ParagraphBlock)Assert.Single(quote)).Inline!.FirstChild!).Content.ToString());
    }

    [Fact]
    public void The_body_is_the_four_space_indented_lines_blank_lines_included()
    {
        var document = LabMarkdown.Parse("!!! note\n    First.\n\n    Second.\n\nAfter the note.\n");

        Assert.Equal(2, document.Count);
        var quote = (QuoteBlock)document[0];
        Assert.Equal(3, quote.Count);
        Assert.Null(Admonition.Of(document[1]));
        Assert.IsType<ParagraphBlock>(document[1]);
    }

    [Fact]
    public void An_admonition_nests_inside_a_list_item_indented_from_its_marker()
    {
        var document = LabMarkdown.Parse("1. Choose **Actions**.\n\n    !!! note \"Whole cluster\"\n        It snapshots the volume.\n\n2. Next.\n");

        var list = Assert.IsType<ListBlock>(Assert.Single(document));
        var quote = Assert.IsType<QuoteBlock>(((ListItemBlock)list[0])[1]);
        Assert.Equal("Whole cluster", BoldTitle(quote));
        Assert.Equal(2, quote.Count);
        Assert.Equal(2, list.Count);
    }

    [Theory]
    [InlineData("!!!\n    body\n")]
    [InlineData("!!! \"only a title\"\n")]
    [InlineData("Wow!!! note\n")]
    public void Lines_that_only_look_like_admonitions_stay_text(string markdown)
    {
        Assert.Empty(LabMarkdown.Parse(markdown).Descendants<QuoteBlock>());
    }

    [Fact]
    public void An_ordinary_quote_is_not_an_admonition()
    {
        Assert.Null(Admonition.Of(LabMarkdown.Parse("> quoted\n")[0]));
    }

    [Fact]
    public void Rendered_to_html_it_is_a_standard_blockquote()
    {
        var html = Markdig.Markdown.ToHtml("!!! tip \"Try this\"\n    Use `{{`.\n", LabMarkdown.Pipeline);

        Assert.Equal("<blockquote>\n<p><strong>Try this</strong></p>\n<p>Use <code>{{</code>.</p>\n</blockquote>\n", html);
    }

    [Fact]
    public void The_pipeline_reads_pipe_tables()
    {
        Assert.IsType<Table>(Assert.Single(LabMarkdown.Parse("| Action | Effect |\n| --- | --- |\n| Copy | a copy |\n")));
    }

    private static string BoldTitle(QuoteBlock quote)
    {
        var title = Assert.IsType<ParagraphBlock>(quote[0]);
        var strong = Assert.IsType<EmphasisInline>(Assert.Single(title.Inline!));
        Assert.Equal(2, strong.DelimiterCount);
        return Assert.IsType<LiteralInline>(Assert.Single(strong)).Content.ToString();
    }
}
