using LabRunner.Content.Model;
using LabRunner.Engine.Checks;
using LabRunner.Engine.Class;

namespace LabRunner.Engine.Tests.Class;

public sealed class RosterReaderTests : IDisposable
{
    private readonly TempDirectory folder = new();

    public void Dispose() => folder.Dispose();

    private RosterLoad Read(string text, Lab? lab = null)
    {
        var path = Path.Join(folder.Path, "roster.txt");
        File.WriteAllText(path, text);
        return RosterReader.Read(lab ?? ClassLabs.Aurora, path, CheckKinds.Default);
    }

    private string At(int line) => $"{Path.Join(folder.Path, "roster.txt")}:{line}:1: ";

    [Fact]
    public void A_plain_roster_is_one_name_a_line_skipping_blank_lines_and_comments()
    {
        var roster = Read("alice\n\n# late joiners\n  Bob  \r\ncarol\n");

        Assert.Empty(roster.Problems);
        Assert.Equal(["alice", "bob", "carol"], roster.Learners.Select(learner => learner.Key));
        Assert.Equal([1, 4, 5], roster.Learners.Select(learner => learner.RosterLine!.Line));
        Assert.Equal("Bob", roster.Learners[1].Learner.Variables["yourname"]);
        Assert.Equal("aurora-bob-cluster", roster.Learners[1].Learner.Resources["cluster"]);
        Assert.All(roster.Learners, learner => Assert.Equal(LearnerSources.Roster, learner.Sources));
    }

    [Fact]
    public void A_csv_header_names_variables_and_an_empty_cell_takes_the_default()
    {
        var roster = Read("YOUR_NAME,backup_window\nalice,06:00-06:30\nbob,\n");

        Assert.Empty(roster.Problems);
        Assert.Equal("06:00-06:30", roster.Learners[0].Learner.Variables["backup_window"]);
        Assert.Equal("05:00-05:45", roster.Learners[1].Learner.Variables["backup_window"]);
        Assert.Equal([2, 3], roster.Learners.Select(learner => learner.RosterLine!.Line));
    }

    [Fact]
    public void A_one_column_csv_with_its_header_is_read_like_a_plain_roster()
    {
        var roster = Read("yourname\nalice\n");

        Assert.Equal(["alice"], roster.Learners.Select(learner => learner.Key));
    }

    [Fact]
    public void Learners_are_bound_read_only_with_no_action_and_no_cleanup()
    {
        var learner = Assert.Single(Read("alice\n").Learners);

        Assert.All(learner.Plan.Steps, step => Assert.Null(step.Perform));
        Assert.Empty(learner.Plan.Cleanup);
    }

    [Fact]
    public void Every_bad_line_is_reported_with_its_file_and_line_and_no_learner_is_kept()
    {
        var roster = Read("alice\nbad name!\n\nALICE\n" + new string('x', 31) + "\n");

        Assert.Empty(roster.Learners);
        Assert.Collection(roster.Problems,
            problem => Assert.StartsWith(At(2) + "resource cluster 'aurora-bad name!-cluster' is not a valid RDS identifier: it may hold only letters, digits and hyphens, not ' '; resource writer", problem),
            problem => Assert.Equal(At(4) + "learner alice is already on the roster at line 1", problem),
            problem => Assert.StartsWith(At(5) + "yourname: '" + new string('x', 31) + "' is not what it asks for: Your name", problem));
    }

    [Fact]
    public void A_csv_row_with_the_wrong_number_of_values_is_located()
    {
        var roster = Read("yourname,backup_window\nalice,05:00-05:45,extra\nbob\n");

        Assert.Equal(
        [
            At(2) + "3 values, expected 2 (yourname, backup_window)",
            At(3) + "1 value, expected 2 (yourname, backup_window)",
        ], roster.Problems);
    }

    [Fact]
    public void A_bad_value_in_a_csv_column_names_the_variable()
    {
        var roster = Read("yourname,backup_window\nalice,5am\n");

        var problem = Assert.Single(roster.Problems);
        Assert.StartsWith(At(2) + "backup_window: '5am' is not a time window like 05:00-05:45", problem);
    }

    [Fact]
    public void A_header_with_a_column_the_lab_does_not_have_is_refused_at_line_one()
    {
        var roster = Read("# class of 2026\nyourname,team\nalice,blue\n");

        var problem = Assert.Single(roster.Problems);
        Assert.Equal($"{At(2)}a CSV roster's first line names the lab's variables (yourname, backup_window, share_account); lab aurora-backup has no variable 'team'", problem);
    }

    [Fact]
    public void A_header_naming_a_variable_twice_is_refused()
    {
        Assert.Equal([At(1) + "the header names variable 'yourname' twice"], Read("yourname,YOUR_NAME\nalice,alice\n").Problems);
    }

    [Fact]
    public void An_unterminated_quote_is_a_located_csv_error()
    {
        var problem = Assert.Single(Read("yourname,backup_window\n\"alice,05:00-05:45\n").Problems);

        Assert.StartsWith(At(2) + "not a valid CSV line", problem);
    }

    [Theory]
    [InlineData("", "the roster names no learners")]
    [InlineData("# nobody yet\n\n", "the roster names no learners")]
    [InlineData("yourname\n", "the roster has a header but names no learners")]
    public void A_roster_without_learners_is_an_error(string text, string problem)
    {
        Assert.StartsWith(At(1) + problem, Assert.Single(Read(text).Problems));
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var path = Path.Join(folder.Path, "nobody.txt");

        var problem = Assert.Single(RosterReader.Read(ClassLabs.Aurora, path, CheckKinds.Default).Problems);

        Assert.StartsWith($"{path}:1:1: cannot read {path}", problem);
    }

    [Fact]
    public void A_binary_file_is_refused()
    {
        var path = Path.Join(folder.Path, "roster.txt");
        File.WriteAllBytes(path, [0x61, 0x00, 0x62]);

        var problem = Assert.Single(RosterReader.Read(ClassLabs.Aurora, path, CheckKinds.Default).Problems);

        Assert.Contains("is not a text file", problem);
    }

    [Fact]
    public void A_plain_roster_needs_a_lab_with_exactly_one_name_variable()
    {
        var aurora = ClassLabs.Aurora;
        var twoNames = aurora with
        {
            Variables = [.. aurora.Variables, new LabVariable("team", "Your team", null, null, true, aurora.Location)],
        };

        var problem = Assert.Single(Read("alice\n", twoNames).Problems);

        Assert.Equal($"{At(1)}a roster of one name a line needs a lab with one name variable, and lab aurora-backup has 2: start the file with a header naming the columns (yourname, backup_window, share_account, team)", problem);
    }
}
