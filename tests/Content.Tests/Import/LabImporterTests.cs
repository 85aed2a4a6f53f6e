using LabRunner.Content.Import;
using LabRunner.Content.Lint;
using LabRunner.Content.Loading;
using LabRunner.TestSupport;

namespace LabRunner.Content.Tests.Import;

/// <summary>Issue 16: a mkdocs-material workshop page imported as a lab skeleton, checked by the real linter and loader.</summary>
public sealed class LabImporterTests : IDisposable
{
    /// <summary>The seed workshop page of issue 16, as the workshop publishes it.</summary>
    private static readonly string Seed = Repository.PathOf("tests", "import-pages", "aurora-workshop.md");

    /// <summary>Every numbered instruction of the seed page, by section, in the page's words (placeholders as imported).</summary>
    private static readonly (string Section, string Instruction)[] SeedInstructions =
    [
        ("Manually Create Snapshot", "Open the Amazon RDS console at https://console.aws.amazon.com/rds/."),
        ("Manually Create Snapshot", "In the navigation pane, choose **Databases**."),
        ("Manually Create Snapshot", "In the list of DB instances, choose the primary instance for the DB cluster `{cluster}`."),
        ("Manually Create Snapshot", "Choose instance **Actions**, and then choose **Take snapshot**."),
        ("Manually Create Snapshot", "Type the name of the DB cluster snapshot `{snapshot}` in the **Snapshot name** box."),
        ("Manually Create Snapshot", "Click **Take Snapshot** button."),
        ("Manually Create Snapshot", "Once the status of your snapshot becomes available, select `{snapshot}` then click **Actions**"),
        ("Manually Create Snapshot", "Choose the drop down to see all the options available."),
        ("Automatic Backup", "Open the Amazon RDS console at https://console.aws.amazon.com/rds/."),
        ("Automatic Backup", "In the navigation pane, choose **Databases**."),
        ("Automatic Backup", "In the list of DB instances, choose the primary instance for the DB cluster `{cluster}`."),
        ("Automatic Backup", "Click **Modify** button"),
        ("Automatic Backup", "Go to **Backup** section"),
        ("Automatic Backup", "Change the **Start time** and the **Duration**"),
        ("Automatic Backup", "Click **Continue**"),
        ("Automatic Backup", "In the confirmation page, select **Apply immediately**"),
        ("Automatic Backup", "Click **Modify DB Instance**"),
    ];

    private readonly TempDirectory scratch = new();

    private string Out => scratch.PathOf("labs/aurora-import");

    [Fact]
    public void The_seed_page_imports_as_a_lab_that_lints_without_errors()
    {
        var result = LabImporter.Import(Seed, Out);

        Assert.Null(result.Problem);
        var report = LabLinter.Lint(Out);
        Assert.Equal([], report.Findings.Where(finding => finding.IsError).Select(finding => finding.ToString()));
        // What is left are the seed's own gaps: five screenshots it does not ship, one empty item in its recap.
        Assert.Equal(["LR009", "LR009", "LR009", "LR009", "LR009", "LR017"], report.Findings.Select(finding => finding.Code.Id).Order());
    }

    [Fact]
    public void Every_instruction_of_the_seed_page_is_covered_by_exactly_one_step_of_its_section()
    {
        var lab = LabImporter.Import(Seed, Out).Lab!;

        foreach (var (sectionTitle, instruction) in SeedInstructions)
        {
            var section = lab.Sections.Single(section => section.Title == sectionTitle);
            var covering = section.Steps.Where(step => step.Page.Contains(instruction, StringComparison.Ordinal)).Select(step => step.Id);
            Assert.True(covering.Count() == 1, $"'{instruction}' is in steps [{string.Join(", ", covering)}] of '{sectionTitle}'");
        }
        Assert.Equal(SeedInstructions.Length, lab.Sections.Sum(section => section.Steps.Sum(step => step.Instructions.Count)));
    }

    [Fact]
    public void Steps_end_where_the_page_says_something_checkable_and_carry_that_suggestion()
    {
        var lab = LabImporter.Import(Seed, Out).Lab!;

        var steps = lab.Sections.SelectMany(section => section.Steps)
            .Select(step => (step.Id, string.Join(",", step.Instructions), step.Suggestion?.Verify[0].Kind ?? "manual"));
        Assert.Equal(
        [
            ("find-your-cluster", "1,2,3", "db-cluster"),
            ("take-a-manual-snapshot", "4,5,6", "db-cluster-snapshot"),
            ("wait-for-the-snapshot", "7", "db-cluster-snapshot"),
            ("choose-the-drop-down-to-see-all-the", "8", "manual"),
            ("move-the-backup-window", "1,2,3,4,5,6,7,8,9", "db-cluster"),
        ], steps);
    }

    [Fact]
    public void Placeholder_spellings_become_one_variable_and_named_resources_become_templates()
    {
        LabImporter.Import(Seed, Out);
        var lab = LabLoader.Load(Out).Parsed!;

        Assert.Equal(["yourname", "backup_window"], lab.Variables.Select(variable => variable.Name));
        Assert.True(lab.Variables[0].FormsRdsIdentifiers);
        Assert.Equal([("cluster", "aurora-{yourname}-cluster"), ("snapshot", "aurora-{yourname}-snap1")], lab.Resources.Select(resource => (resource.Name, resource.Template.Source)));
        var pages = string.Concat(Directory.GetFiles(scratch.PathOf("labs/aurora-import/pages")).Select(File.ReadAllText));
        Assert.DoesNotContain("YOUR_NAME", pages);
        Assert.DoesNotContain("aurora-{yourname}", pages);
    }

    [Fact]
    public void Suggestions_are_marked_in_comments_and_the_snapshot_checks_hold_the_snapshot_to_the_cluster()
    {
        LabImporter.Import(Seed, Out);
        var manifest = File.ReadAllText(Path.Join(Out, "lab.yaml"));
        var lab = LabLoader.Load(Out).Parsed!;

        Assert.Contains("# suggested from \"Take Snapshot\": review the check and the action", manifest);
        Assert.Contains("# suggested from \"Apply immediately\": review the check and the action", manifest);
        Assert.All(lab.Steps.SelectMany(step => step.Verify).Where(check => check.Kind == "db-cluster-snapshot"),
            check => Assert.Equal("{cluster}", check.Get("cluster")!.Value.Source));
        Assert.Equal("{backup_window}", lab.FindStep("move-the-backup-window")!.Verify[0].Get("backup-window")!.Value.Source);
        Assert.Equal("delete-db-cluster-snapshot", Assert.Single(lab.Cleanup).Kind);
    }

    [Fact]
    public void Images_beside_the_page_are_copied_and_stay_shown_while_links_out_of_its_folder_become_text()
    {
        var page = scratch.Write("site/docs/page.md", "## Section\n\n1. Look ![here](img/a.png) and [there](../../secret.txt).\n");
        scratch.Write("site/docs/img/a.png", [0x89, 0x50, 0x4e, 0x47]);
        scratch.Write("secret.txt", "not for the lab");

        var result = LabImporter.Import(page, Out);

        Assert.Equal(["../../secret.txt"], result.MissingFiles);
        Assert.True(File.Exists(Path.Join(Out, "img", "a.png")));
        Assert.False(File.Exists(Path.Join(Out, "secret.txt")));
        Assert.Empty(LabLinter.Lint(Out).Findings);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("true")]
    [InlineData("1.5")]
    [InlineData("\"quoted\": #not a comment & *alias [a, b] {c: d} | > %")]
    [InlineData("bidi \u202e and line separator \u2028 and BOM \ufeff")]
    [InlineData("- a list? no: a title")]
    public void Hostile_titles_read_back_exactly_as_the_page_wrote_them(string title)
    {
        var page = scratch.Write("page.md", $"# {title}\n\n## {title}\n\n1. Do it.\n");

        Assert.Null(LabImporter.Import(page, Out).Problem);

        var load = LabLoader.Load(Out);
        Assert.Equal([], load.Findings.Select(finding => finding.ToString()));
        Assert.Equal(title, load.Parsed!.Title);
        Assert.Equal(title, load.Parsed.Sections[0].Title);
    }

    [Fact]
    public void Empty_headings_sections_without_instructions_and_odd_placeholders_still_give_a_lab_without_errors()
    {
        var page = scratch.Write("page.md", "##\n\ntext only\n\n## Steps\n\n1. ![](x.png)\n2. Use `{a}-{b}`, {c_d}, `my_{x}` and {{literal}}\n"
            + "3. Choose **Take snapshot** for `snap-{who}` of `db-{who}-cluster`\n10. ten\n\n## Steps\n\n- a bullet\n");

        var lab = LabImporter.Import(page, Out).Lab!;

        Assert.Equal(["Section 1", "Steps", "Steps"], lab.Sections.Select(section => section.Title));
        Assert.Equal([], LabLinter.Lint(Out).Findings.Where(finding => finding.IsError).Select(finding => finding.ToString()));
        Assert.Equal(["snapshot", "cluster"], lab.Names.Resources.Select(resource => resource.Name));
        Assert.Equal(["a", "b", "cd", "x", "who"], lab.Names.Variables.Select(variable => variable.Name));
    }

    [Fact]
    public void A_page_without_headings_is_refused_with_what_the_importer_needs()
    {
        var page = scratch.Write("page.md", "Just a paragraph.\n\n1. and a list\n");

        Assert.Contains("it has no '## ' headings", Refused(page));
    }

    [Fact]
    public void A_binary_file_is_refused_as_not_text()
    {
        var page = scratch.Write("page.md", [.. "## Title\n"u8, 0x00, 0xff, 0x10]);

        Assert.Contains("is not UTF-8 text", Refused(page));
    }

    [Fact]
    public void A_20_MB_page_is_refused_as_too_large_without_being_read()
    {
        var page = scratch.PathOf("huge.md");
        using (var file = File.Create(page))
            file.SetLength(20 * 1024 * 1024);

        Assert.Contains("is 20 MiB; LabRunner reads files of at most 1 MiB", Refused(page));
    }

    [Fact]
    public void A_page_that_cannot_be_read_is_named()
    {
        Assert.Contains($"cannot read {scratch.PathOf("missing.md")}", Refused(scratch.PathOf("missing.md")));
        Assert.Contains("is not a regular file", Refused(scratch.Path));
    }

    [Fact]
    public void An_existing_folder_with_files_is_never_written_into()
    {
        scratch.Write("labs/aurora-import/notes.txt", "mine");

        Assert.Contains("already exists and is not an empty folder", Refused(Seed));
        Assert.Equal(["notes.txt"], Directory.GetFileSystemEntries(Out).Select(Path.GetFileName));
    }

    private string Refused(string page)
    {
        var result = LabImporter.Import(page, Out);
        Assert.Null(result.Lab);
        Assert.False(File.Exists(Path.Join(Out, "lab.yaml")));
        return result.Problem!;
    }

    public void Dispose() => scratch.Dispose();
}
