using LabRunner.Content.Model;
using LabRunner.Content.Templates;
using LabRunner.Engine.Class;

namespace LabRunner.Engine.Tests.Class;

public sealed class ResourceNamePatternTests
{
    private static ResourceNamePattern? Pattern(string template) =>
        ResourceNamePattern.For(new ResourceTemplate("cluster", TemplateParser.Parse(template), new SourceSpan("lab.yaml", 1, 1)));

    [Theory]
    [InlineData("aurora-alice-cluster", "alice")]
    [InlineData("AURORA-Alice-Cluster", "Alice")]
    [InlineData("aurora-mary-jane-cluster", "mary-jane")]
    [InlineData("aurora-x.y-cluster", "x.y")]
    public void A_name_that_fits_gives_back_the_placeholder_value(string identifier, string yourname)
    {
        var values = Pattern("aurora-{yourname}-cluster")!.Match(identifier);

        Assert.Equal(new Dictionary<string, string> { ["yourname"] = yourname }, values);
    }

    [Theory]
    [InlineData("aurora-alice-snap1")]
    [InlineData("aurora--cluster")]
    [InlineData("aurora-cluster")]
    [InlineData("my-aurora-alice-cluster")]
    [InlineData("aurora-alice-cluster-2")]
    public void A_name_that_does_not_fit_gives_nothing(string identifier)
    {
        Assert.Null(Pattern("aurora-{yourname}-cluster")!.Match(identifier));
    }

    [Fact]
    public void A_placeholder_used_twice_must_match_the_same_text()
    {
        var pattern = Pattern("{team}-db-{team}")!;

        Assert.Equal("blue", pattern.Match("blue-db-blue")!["team"]);
        Assert.Null(pattern.Match("blue-db-red"));
    }

    [Fact]
    public void Two_placeholders_are_recovered_by_name_as_the_template_writes_them()
    {
        var values = Pattern("{TEAM}-{your_name}-cluster")!.Match("blue-alice-cluster");

        Assert.Equal(new Dictionary<string, string> { ["TEAM"] = "blue", ["your_name"] = "alice" }, values);
    }

    [Fact]
    public void A_fixed_name_tells_no_learner_apart()
    {
        Assert.Null(Pattern("shared-cluster"));
    }

    [Fact]
    public void Regex_characters_in_the_template_are_literal()
    {
        var pattern = Pattern("a.{yourname}+b")!;

        Assert.Equal("x", pattern.Match("a.x+b")!["yourname"]);
        Assert.Null(pattern.Match("aZxb"));
    }
}
