using LabRunner.Content.Model;
using LabRunner.Content.Templates;

namespace LabRunner.Content.Tests;

public sealed class TemplateTests
{
    [Fact]
    public void A_template_splits_into_literal_text_and_placeholders_with_their_offsets()
    {
        var template = TemplateParser.Parse("aurora-{yourname}-snap{n}");

        Assert.Equal<TemplatePart>(
            [new LiteralText("aurora-"), new Placeholder("yourname", 7), new LiteralText("-snap"), new Placeholder("n", 22)],
            template.Parts);
    }

    [Theory]
    [InlineData("{yourname}")]
    [InlineData("{YOUR_NAME}")]
    [InlineData("{YourName}")]
    [InlineData("{your__name}")]
    public void Placeholder_names_match_ignoring_case_and_underscores(string written)
    {
        var values = new PlaceholderValues([KeyValuePair.Create("yourname", "bob")]);

        Assert.Equal("aurora-bob-cluster", values.Render(TemplateParser.Parse($"aurora-{written}-cluster")));
    }

    [Fact]
    public void Doubled_braces_are_literal_braces_not_placeholders()
    {
        var template = TemplateParser.Parse("{{yourname}} is {yourname}");
        var values = new PlaceholderValues([KeyValuePair.Create("yourname", "bob")]);

        Assert.Equal(["yourname"], template.Placeholders.Select(placeholder => placeholder.Name));
        Assert.Equal("{yourname} is bob", values.Render(template));
    }

    [Fact]
    public void Braces_around_anything_but_a_name_are_plain_text()
    {
        var template = TemplateParser.Parse("""{"Name": "x"} and { spaced } and {9lives}""");

        Assert.Empty(template.Placeholders);
        Assert.Equal("""{"Name": "x"} and { spaced } and {9lives}""", new PlaceholderValues([]).Render(template));
    }

    [Fact]
    public void Rendering_strictly_names_the_placeholder_without_a_value()
    {
        var template = TemplateParser.Parse("aurora-{yourname}-{suffix}");
        var values = new PlaceholderValues([KeyValuePair.Create("yourname", "bob")]);

        var exception = Assert.Throws<UndefinedPlaceholderException>(() => values.Render(template));

        Assert.Equal("suffix", exception.Placeholder.Name);
    }

    [Fact]
    public void Rendering_leniently_leaves_unknown_placeholders_as_written()
    {
        var values = new PlaceholderValues([KeyValuePair.Create("yourname", "bob")]);

        Assert.Equal("aurora-bob-{Suffix}", values.RenderLenient(TemplateParser.Parse("aurora-{YOUR_NAME}-{Suffix}")));
    }
}
