using LabRunner.Content.Templates;

namespace LabRunner.Content.Tests;

public sealed class TemplateInversionTests
{
    [Fact]
    public void Every_filling_that_renders_the_text_is_found()
    {
        var (fillings, complete) = TemplateInversion.Fillings(TemplateParser.Parse("{team}-{yourname}-db"), "red-blue-green-db");

        Assert.True(complete);
        Assert.Equal(
            [("red", "blue-green"), ("red-blue", "green")],
            fillings.Select(filling => (filling["team"], filling["yourname"])));
    }

    [Fact]
    public void The_first_filling_takes_the_shortest_text_for_each_placeholder_from_the_left()
    {
        var first = TemplateInversion.First(TemplateParser.Parse("{team}-{yourname}-db"), "red-blue-green-db");

        Assert.Equal(("red", "blue-green"), (first!["team"], first["yourname"]));
    }

    [Theory]
    [InlineData("AURORA-Alice-Cluster", "Alice")]
    [InlineData("aurora-mary-jane-cluster", "mary-jane")]
    public void Literal_text_matches_ignoring_case_and_placeholders_keep_the_text_as_written(string text, string yourname)
    {
        Assert.Equal(yourname, TemplateInversion.First(TemplateParser.Parse("aurora-{your_name}-cluster"), text)!["yourname"]);
    }

    [Theory]
    [InlineData("aurora--cluster")]
    [InlineData("aurora-alice-snap1")]
    [InlineData("my-aurora-alice-cluster")]
    public void A_text_the_template_cannot_render_has_no_filling(string text)
    {
        var template = TemplateParser.Parse("aurora-{yourname}-cluster");

        Assert.Null(TemplateInversion.First(template, text));
        Assert.Equal((0, true), (TemplateInversion.Fillings(template, text).Fillings.Count, TemplateInversion.Fillings(template, text).Complete));
    }

    [Fact]
    public void A_placeholder_used_twice_takes_the_same_text_twice()
    {
        var template = TemplateParser.Parse("{team}-db-{team}");

        Assert.Equal("blue", TemplateInversion.First(template, "blue-db-BLUE")!["team"]);
        Assert.Null(TemplateInversion.First(template, "blue-db-red"));
    }

    [Fact]
    public void A_search_that_outgrows_its_budget_says_it_is_incomplete()
    {
        // Five neighbouring placeholders over 60 characters have about 4.5 million fillings.
        var (fillings, complete) = TemplateInversion.Fillings(TemplateParser.Parse("{a}{b}{c}{d}{e}"), new string('x', 60));

        Assert.False(complete);
        Assert.InRange(fillings.Count, 1, TemplateInversion.StepBudget);
    }
}
