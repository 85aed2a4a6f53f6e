using LabRunner.Content.Learners;
using LabRunner.Content.Model;
using LabRunner.Content.Templates;

namespace LabRunner.TestSupport;

/// <summary>Labs built in code, shaped like labs/aurora-backup, for tests of the engine's pure parts.</summary>
public static class TestLabs
{
    private static readonly SourceSpan Here = new("lab.yaml", 1, 1);

    public static KindSpec Spec(string kind, params (string Name, string Value)[] parameters) =>
        new(kind, parameters.ToDictionary(
            parameter => parameter.Name,
            parameter => new SpecValue(TemplateParser.Parse(parameter.Value), new SourceSpan("lab.yaml", 10, 5))), new SourceSpan("lab.yaml", 9, 3));

    public static Step Step(string id, IReadOnlyList<KindSpec> verify, KindSpec? perform = null, WaitSpec? wait = null) =>
        new(id, id, new PageRef($"pages/{id}.md", $"/labs/test/pages/{id}.md", Here), null, verify, perform, wait, verify.Count == 0, Here);

    public static readonly WaitSpec SnapshotWait = new(TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(5), Here);

    /// <summary>find-cluster, take-snapshot, snapshot-available (waits), snapshot-actions (manual), modify-backup-window.</summary>
    public static Lab Aurora() => Lab(
    [
        Step("find-cluster", [Spec("db-cluster", ("cluster", "{cluster}"), ("status", "available"), ("writer", "true"))]),
        Step("take-snapshot",
            [Spec("db-cluster-snapshot", ("snapshot", "{snapshot}"), ("cluster", "{cluster}"), ("type", "manual"))],
            Spec("create-db-cluster-snapshot", ("snapshot", "{snapshot}"), ("cluster", "{cluster}"))),
        Step("snapshot-available", [Spec("db-cluster-snapshot", ("snapshot", "{snapshot}"), ("cluster", "{cluster}"), ("status", "available"))], wait: SnapshotWait),
        Step("snapshot-actions", []),
        Step("modify-backup-window",
            [Spec("db-cluster", ("cluster", "{cluster}"), ("backup-window", "{backup_window}"), ("nothing-pending", "true"))],
            Spec("modify-db-cluster", ("cluster", "{cluster}"), ("backup-window", "{backup_window}"), ("apply-immediately", "true"))),
    ]);

    public static Lab Lab(IReadOnlyList<Step> steps, IReadOnlyList<KindSpec>? cleanup = null) => new(
        "aurora-test",
        "Aurora test",
        "",
        30,
        "/labs/aurora-test",
        [
            new LabVariable("yourname", "Your name", null, null, true, Here),
            new LabVariable("backup_window", "Backup window", "05:00-05:45", null, false, Here),
        ],
        [
            new ResourceTemplate("cluster", TemplateParser.Parse("aurora-{yourname}-cluster"), Here),
            new ResourceTemplate("writer", TemplateParser.Parse("aurora-{yourname}-instance-1"), Here),
            new ResourceTemplate("snapshot", TemplateParser.Parse("aurora-{yourname}-snap1"), Here),
        ],
        [new Section("Backups", steps, Here)],
        null,
        cleanup ?? [Spec("delete-db-cluster-snapshot", ("snapshot", "{snapshot}"))],
        [],
        Here);

    /// <summary>A learner bound by the content's <see cref="LearnerBinding"/>, as every front binds one.</summary>
    public static Learner Learner(Lab lab, string name, string backupWindow = "05:00-05:45")
    {
        var bound = LearnerBinding.Bind(lab, new Dictionary<string, string> { ["yourname"] = name, ["backup_window"] = backupWindow });
        return bound.Learner ?? throw new ArgumentException(string.Join("; ", bound.Problems), nameof(name));
    }
}
