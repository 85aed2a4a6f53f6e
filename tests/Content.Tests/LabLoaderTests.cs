using LabRunner.TestSupport;
using LabRunner.Content.Findings;
using LabRunner.Content.Loading;
using LabRunner.Content.Model;
using LabRunner.Content.Tests.Support;

namespace LabRunner.Content.Tests;

public sealed class LabLoaderTests : IDisposable
{
    private readonly TempDirectory folder = new();

    [Fact]
    public void The_aurora_lab_loads_with_its_fixed_step_ids_in_order()
    {
        var lab = Labs.AuroraBackup();

        Assert.Equal("aurora-backup", lab.Id);
        Assert.Equal(["Manually create a snapshot", "Automatic backup", "Do it for real"], lab.Sections.Select(section => section.Title));
        Assert.Equal(["find-cluster", "take-snapshot", "snapshot-available", "snapshot-actions", "modify-backup-window", "copy-snapshot", "share-snapshot", "restore-snapshot"], lab.Steps.Select(step => step.Id));
        Assert.Equal(["yourname", "backup_window", "share_account"], lab.Variables.Select(variable => variable.Name));
        Assert.Equal(["cluster", "writer", "snapshot", "snapshot_copy", "restored", "restored_writer"], lab.Resources.Select(resource => resource.Name));
        Assert.Equal("aurora-{yourname}-cluster", lab.Resources[0].Template.Source);
    }

    [Fact]
    public void An_optional_section_makes_its_steps_optional_and_the_rest_stay_required()
    {
        var lab = Labs.AuroraBackup();

        Assert.Equal([false, false, true], lab.Sections.Select(section => section.Optional));
        Assert.Equal(["copy-snapshot", "share-snapshot", "restore-snapshot"], lab.Steps.Where(step => step.Optional).Select(step => step.Id));
        Assert.Equal(["find-cluster", "take-snapshot", "snapshot-available", "snapshot-actions", "modify-backup-window"], lab.RequiredSteps.Select(step => step.Id));
    }

    [Fact]
    public void Steps_carry_their_checks_action_wait_and_manual_flag()
    {
        var lab = Labs.AuroraBackup();

        var find = lab.FindStep("find-cluster")!;
        var check = Assert.Single(find.Verify);
        Assert.Equal("db-cluster", check.Kind);
        Assert.Equal(["cluster", "status", "writer"], check.Parameters.Keys.Order());
        Assert.Equal("{cluster}", check.Get("cluster")!.Value.Source);
        Assert.Null(find.Perform);

        var take = lab.FindStep("take-snapshot")!;
        Assert.Equal("create-db-cluster-snapshot", take.Perform!.Kind);
        Assert.Equal("manual", take.Verify[0].Get("type")!.Value.Source);

        var wait = lab.FindStep("snapshot-available")!.Wait!;
        Assert.Equal((TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(30)), (wait.Timeout, wait.Interval));

        var actions = lab.FindStep("snapshot-actions")!;
        Assert.True(actions.Manual);
        Assert.Empty(actions.Verify);

        var modify = lab.FindStep("modify-backup-window")!;
        Assert.Equal("{backup_window}", modify.Perform!.Get("backup-window")!.Value.Source);
        Assert.Equal("true", modify.Perform.Get("apply-immediately")!.Value.Source);
    }

    [Fact]
    public void Pages_recap_cleanup_and_fixtures_are_read()
    {
        var lab = Labs.AuroraBackup();

        Assert.All(lab.Steps, step => Assert.True(File.Exists(step.Page.FullPath), step.Page.RelativePath));
        Assert.Equal("pages/recap.md", lab.Recap!.RelativePath);
        Assert.Equal(["share-db-cluster-snapshot", "delete-db-cluster", "delete-db-cluster-snapshot", "delete-db-cluster-snapshot"], lab.Cleanup.Select(action => action.Kind));
        var fixture = Assert.Single(lab.Fixtures);
        Assert.Equal(("{writer}", "aurora-mysql", "sun:09:00-sun:09:30", "1"),
            (fixture.Get("writer-instance")!.Value.Source, fixture.Get("engine")!.Value.Source,
             fixture.Get("maintenance-window")!.Value.Source, fixture.Get("retention")!.Value.Source));
    }

    [Fact]
    public void Every_element_knows_its_line_and_column_in_lab_yaml()
    {
        var lab = Labs.AuroraBackup();
        var lines = File.ReadAllLines(Path.Join(Labs.AuroraBackupPath, "lab.yaml"));

        var step = lab.FindStep("snapshot-available")!;
        var stepLine = Array.FindIndex(lines, line => line.Contains("- id: snapshot-available")) + 1;
        Assert.Equal((stepLine, 9), (step.Location.Line, step.Location.Column));
        Assert.EndsWith("labs/aurora-backup/lab.yaml", step.Location.File);
        var interval = Array.FindIndex(lines, line => line.Contains("interval: 30s")) + 1;
        Assert.Equal(interval - 1, step.Wait!.Location.Line);
    }

    [Fact]
    public void A_lab_can_be_named_by_its_manifest_file()
    {
        var result = LabLoader.Load(Path.Join(Labs.AuroraBackupPath, "lab.yaml"));

        Assert.Equal("aurora-backup", result.Lab!.Id);
    }

    [Fact]
    public void A_lab_with_errors_has_no_lab_but_keeps_what_was_parsed()
    {
        WriteLab(Labs.Minimal(extra: "colour: blue"));

        var result = LabLoader.Load(folder.Path);

        Assert.Null(result.Lab);
        Assert.Equal("tiny", result.Parsed!.Id);
        Assert.Equal(FindingCodes.UnknownKey, Assert.Single(result.Findings).Code);
    }

    [Fact]
    public void A_missing_folder_cannot_be_read()
    {
        var result = LabLoader.Load(folder.PathOf("nowhere"));

        Assert.False(result.CouldRead);
        Assert.Equal(FindingCodes.Unreadable, Assert.Single(result.Findings).Code);
    }

    [Fact]
    public void A_binary_manifest_cannot_be_read_and_says_where()
    {
        folder.Write("lab.yaml", [.. "id: x\n"u8, 0xC3, 0x28]);

        var result = LabLoader.Load(folder.Path);

        Assert.False(result.CouldRead);
        var finding = Assert.Single(result.Findings);
        Assert.Equal((FindingCodes.NotText, 2, 1), (finding.Code, finding.Location.Line, finding.Location.Column));
    }

    [Fact]
    public void A_manifest_linked_from_outside_the_lab_is_not_read()
    {
        folder.Write("elsewhere/lab.yaml", Labs.Minimal());
        folder.Write("lab/pages/step.md", "# Step\n");
        File.CreateSymbolicLink(folder.PathOf("lab/lab.yaml"), folder.PathOf("elsewhere/lab.yaml"));

        var result = LabLoader.Load(folder.PathOf("lab"));

        Assert.False(result.CouldRead);
        Assert.Equal(FindingCodes.EscapesLab, Assert.Single(result.Findings).Code);
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("id: a\n---\nid: b\n", "more than one YAML document")]
    public void A_manifest_is_exactly_one_document(string yaml, string message)
    {
        WriteLab(yaml);

        var finding = Assert.Single(LabLoader.Load(folder.Path).Findings);

        Assert.Equal(FindingCodes.MalformedYaml, finding.Code);
        Assert.Contains(message, finding.Message);
    }

    [Fact]
    public void A_manifest_that_is_not_a_mapping_says_what_it_found()
    {
        WriteLab("- just\n- a list\n");

        var finding = Assert.Single(LabLoader.Load(folder.Path).Findings);

        Assert.Equal(FindingCodes.BadValue, finding.Code);
        Assert.Equal("expected a lab (a mapping of keys to values), found a list", finding.Message);
    }

    [Theory]
    [InlineData("{yourname}-", "it must not end with a hyphen")]
    [InlineData("9-{yourname}", "it must start with a letter, not '9'")]
    [InlineData("a--{yourname}", "it must not contain two consecutive hyphens")]
    public void A_resource_that_no_learner_value_can_make_an_identifier_is_reported_at_its_template(string template, string problem)
    {
        WriteLab(Labs.Minimal().Replace("lab-{yourname}-cluster", $"'{template}'"));

        var finding = Assert.Single(LabLoader.Load(folder.Path).Findings);

        Assert.Equal((FindingCodes.NeverAnIdentifier, 10), (finding.Code, finding.Location.Line));
        Assert.EndsWith(problem, finding.Message);
    }

    [Fact]
    public void A_resource_too_long_for_even_a_one_letter_name_is_reported()
    {
        WriteLab(Labs.Minimal().Replace("lab-{yourname}-cluster", new string('x', 62) + "-{yourname}"));

        var finding = Assert.Single(LabLoader.Load(folder.Path).Findings);

        Assert.EndsWith("it is 64 characters long, at most 63 are allowed", finding.Message);
    }

    [Fact]
    public void A_placeholder_in_a_resource_must_be_a_variable()
    {
        WriteLab(Labs.Minimal(extra: "").Replace("cluster: lab-{yourname}-cluster", "cluster: lab-{yourname}-cluster\n  snapshot: '{cluster}-snap'"));

        var finding = Assert.Single(LabLoader.Load(folder.Path).Findings);

        Assert.Equal((FindingCodes.UndefinedPlaceholder, 11, 14), (finding.Code, finding.Location.Line, finding.Location.Column));
        Assert.Equal("'{cluster}' in resource 'snapshot' is not a variable (resources are built from variables only)", finding.Message);
    }

    [Fact]
    public void A_value_starting_with_a_placeholder_left_unquoted_gets_a_hint_to_quote_it()
    {
        WriteLab(Labs.Minimal().Replace("lab-{yourname}-cluster", "{yourname}"));

        var finding = Assert.Single(LabLoader.Load(folder.Path).Findings);

        Assert.Equal(FindingCodes.BadValue, finding.Code);
        Assert.EndsWith("not a {…} mapping (in YAML, quote a value that starts with a placeholder: \"{name}\")", finding.Message);
    }

    [Fact]
    public void A_modify_action_needs_a_backup_window_or_a_retention()
    {
        WriteLab(Labs.Minimal(stepExtra: "        perform:\n          kind: modify-db-cluster\n          cluster: \"{cluster}\"\n          apply-immediately: true"));

        var finding = Assert.Single(LabLoader.Load(folder.Path).Findings);

        Assert.Equal("action modify-db-cluster needs at least one of backup-window, retention", finding.Message);
    }

    [Fact]
    public void The_aurora_backup_window_is_typed_so_learners_get_words_not_a_pattern()
    {
        var window = Labs.AuroraBackup().Variables.Single(variable => variable.Name == "backup_window");

        Assert.Equal((VariableType.BackupWindow, null), (window.Type, window.Pattern));
    }

    [Theory]
    [InlineData("type: backup-window\n    default: '05:00-05:10'", "the default of variable 'window' is no backup-window: '05:00-05:10' lasts 10 minutes; a backup window needs at least 30 minutes")]
    [InlineData("type: clock", "variable 'window' has type 'clock'; the types are text, backup-window")]
    public void A_variable_type_is_known_and_its_default_fits_it(string lines, string expected)
    {
        WriteLab(Labs.Minimal().Replace("\nresources:", $"\n  window:\n    prompt: A window\n    {lines}\nresources:"));

        var finding = Assert.Single(LabLoader.Load(folder.Path).Findings);

        Assert.Equal((FindingCodes.BadVariable, expected), (finding.Code, finding.Message));
    }

    [Theory]
    [InlineData("30s", 30)]
    [InlineData("5m", 300)]
    [InlineData("1h", 3600)]
    [InlineData("1m30s", 90)]
    public void Durations_read_as_authors_write_them(string text, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), Durations.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("0s")]
    [InlineData("30")]
    [InlineData("s")]
    [InlineData("30s5m")]
    public void Durations_that_are_empty_zero_or_unordered_are_refused(string text) => Assert.Null(Durations.Parse(text));

    public void Dispose() => folder.Dispose();

    [Fact]
    public void A_finding_about_an_aliased_value_points_at_the_alias_not_at_the_anchor()
    {
        WriteLab(Labs.Minimal(extra: "x-anchor: &window [05:00, 05:30]\nestimated-minutes: *window").Replace("estimated-minutes: 1\n", ""));
        var lines = File.ReadAllLines(folder.PathOf("lab.yaml"));

        var finding = Assert.Single(LabLoader.Load(folder.Path).Findings, finding => finding.Code == FindingCodes.BadValue);

        Assert.Equal((Array.FindIndex(lines, line => line.StartsWith("estimated-minutes: *window")) + 1, 20), (finding.Location.Line, finding.Location.Column));
    }

    [Theory]
    [InlineData("\r")]
    [InlineData("\r\n")]
    public void Lines_end_at_a_carriage_return_as_in_editors(string lineBreak)
    {
        WriteLab(Labs.Minimal(extra: "colour: blue").Replace("\n", lineBreak));

        var finding = Assert.Single(LabLoader.Load(folder.Path).Findings);

        Assert.Equal((FindingCodes.UnknownKey, 21, 1), (finding.Code, finding.Location.Line, finding.Location.Column));
    }

    [Fact]
    public void A_unicode_line_separator_does_not_start_a_line_in_the_reported_position()
    {
        WriteLab(Labs.Minimal(extra: "colour: blue").Replace("title: Tiny", "title: \"Tiny\u2028 lab\""));

        var finding = Assert.Single(LabLoader.Load(folder.Path).Findings);

        Assert.Equal((FindingCodes.UnknownKey, 21, 1), (finding.Code, finding.Location.Line, finding.Location.Column));
    }

    [Fact]
    public void A_multi_line_key_is_echoed_on_one_line_and_shortened()
    {
        WriteLab(Labs.Minimal(extra: "? |\n  first line\n  second line of a key that goes on and on and on, long past any useful length\n: value"));

        var finding = Assert.Single(LabLoader.Load(folder.Path).Findings);

        Assert.Equal("unknown key 'first line\\nsecond line of a key that goes on and on and on,…' in lab", finding.Message);
    }

    [Fact]
    public void A_page_named_with_a_NUL_is_a_located_finding()
    {
        WriteLab(Labs.Minimal().Replace("page: pages/step.md", "page: pages/step%00.md"));

        var finding = Assert.Single(LabLoader.Load(folder.Path).Findings);

        Assert.Equal((FindingCodes.BadValue, 16), (finding.Code, finding.Location.Line));
        Assert.Equal("page 'pages/step%00.md' is not a usable path: it holds control character U+0000", finding.Message);
    }

    [Fact]
    public void A_backtracking_pattern_is_matched_without_backtracking()
    {
        WriteLab(Labs.Minimal().Replace("    rds-identifier: true", $"    rds-identifier: true\n  code:\n    prompt: A code\n    pattern: '(a|aa)+'\n    default: '{new string('a', 20_000)}'"));

        var result = LabLoader.Load(folder.Path);

        Assert.Empty(result.Findings);
        Assert.Equal(PatternMatch.DoesNotMatch, result.Lab!.Variables[1].Match(new string('a', 20_000) + "b"));
    }

    private void WriteLab(string yaml)
    {
        folder.Write("lab.yaml", yaml);
        folder.Write("pages/step.md", "# Step\n");
    }
}
