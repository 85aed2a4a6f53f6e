using LabRunner.Content.Model;

namespace LabRunner.Content.Tests;

public sealed class RdsIdentifierTests
{
    [Theory]
    [InlineData("aurora-alice-cluster")]
    [InlineData("A1")]
    [InlineData("a")]
    public void Letters_digits_and_single_inner_hyphens_are_valid(string identifier)
    {
        Assert.Null(RdsIdentifier.Problem(identifier));
    }

    [Theory]
    [InlineData("", "it is empty")]
    [InlineData("1abc", "it must start with a letter, not '1'")]
    [InlineData("aurora_alice", "it may hold only letters, digits and hyphens, not '_'")]
    [InlineData("aurora-é", "it may hold only letters, digits and hyphens, not 'é'")]
    [InlineData("aurora\0alice", "it may hold only letters, digits and hyphens, not '\\u0000'")]
    [InlineData("aurora\nalice", "it may hold only letters, digits and hyphens, not '\\n'")]
    [InlineData("aurora--alice", "it must not contain two consecutive hyphens")]
    [InlineData("aurora-", "it must not end with a hyphen")]
    public void Each_broken_rule_is_named_with_the_character_made_visible(string identifier, string problem)
    {
        Assert.Equal(problem, RdsIdentifier.Problem(identifier));
    }

    [Fact]
    public void Sixty_four_characters_are_one_too_many()
    {
        Assert.Null(RdsIdentifier.Problem(new string('a', 63)));
        Assert.Equal("it is 64 characters long, at most 63 are allowed", RdsIdentifier.Problem(new string('a', 64)));
    }
}
