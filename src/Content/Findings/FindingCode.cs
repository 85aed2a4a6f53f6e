using LabRunner.Content.Model;

namespace LabRunner.Content.Findings;

/// <summary>A stable finding code (LR001…) with its severity; labs/README.md documents each one.</summary>
public sealed record FindingCode(string Id, Severity Severity, string Summary)
{
    public Finding At(SourceSpan location, string message) => new(this, message, location);

    public override string ToString() => Id;
}

/// <summary>Every finding the loader and the linter report. Codes never change meaning; new ones are appended.</summary>
public static class FindingCodes
{
    public static readonly FindingCode Unreadable = new("LR001", Severity.Error, "the lab or one of its files cannot be read");
    public static readonly FindingCode MalformedYaml = new("LR002", Severity.Error, "lab.yaml is not well-formed YAML (syntax, tab indentation, several documents, empty file)");
    public static readonly FindingCode DuplicateKey = new("LR003", Severity.Error, "a key appears twice in one mapping");
    public static readonly FindingCode UnknownKey = new("LR004", Severity.Error, "a key the manifest does not define (with a did-you-mean)");
    public static readonly FindingCode MissingKey = new("LR005", Severity.Error, "a required key is missing");
    public static readonly FindingCode BadValue = new("LR006", Severity.Error, "a value of the wrong type or form (id, number, duration, list, mapping)");
    public static readonly FindingCode EscapesLab = new("LR007", Severity.Error, "a path leaves the lab folder (absolute, ../ or a symbolic link)");
    public static readonly FindingCode MissingPage = new("LR008", Severity.Error, "a page named in lab.yaml does not exist");
    public static readonly FindingCode MissingLinkTarget = new("LR009", Severity.Warning, "an image or linked file in a page does not exist (an image is shown as its alt text and path)");
    public static readonly FindingCode UndefinedPlaceholder = new("LR010", Severity.Error, "a {placeholder} that is neither a variable nor a resource");
    public static readonly FindingCode DuplicateStepId = new("LR011", Severity.Error, "two steps share an id");
    public static readonly FindingCode UnknownKind = new("LR012", Severity.Error, "a check, action or fixture kind that does not exist (with a did-you-mean)");
    public static readonly FindingCode UnknownParameter = new("LR013", Severity.Error, "a parameter the kind does not take (with a did-you-mean)");
    public static readonly FindingCode MissingParameter = new("LR014", Severity.Error, "a parameter the kind requires is missing");
    public static readonly FindingCode BadParameter = new("LR015", Severity.Error, "a parameter value of the wrong type, range or form");
    public static readonly FindingCode NeverAnIdentifier = new("LR016", Severity.Error, "a name that can never be a valid RDS identifier, whatever the learner enters");
    public static readonly FindingCode EmptyListItem = new("LR017", Severity.Warning, "an empty list item, in lab.yaml or in a page");
    public static readonly FindingCode NotText = new("LR018", Severity.Error, "a file is not UTF-8 text (binary content)");
    public static readonly FindingCode TooLarge = new("LR019", Severity.Error, "a file is larger than LabRunner reads (1 MiB)");
    public static readonly FindingCode BadVariable = new("LR020", Severity.Error, "a variable's pattern is not a valid regular expression, or its default does not match it");
    public static readonly FindingCode StepShape = new("LR021", Severity.Error, "a step is neither verified nor manual, or mixes manual with verify, perform or wait");
    public static readonly FindingCode NameClash = new("LR022", Severity.Error, "two variables or resources share a placeholder name (case and underscores ignored)");
    public static readonly FindingCode TooComplex = new("LR023", Severity.Error, "a file is beyond what LabRunner reads: YAML nested over 64 levels or with aliases that loop or expand too far, Markdown nested too deeply or a paragraph with too many links or emphasis marks");
    public static readonly FindingCode NotTheLearners = new("LR024", Severity.Error, "an action or cleanup changes a resource whose name is not built from the learner's name variable alone, so it could be another learner's");
    public static readonly FindingCode SnapshotNotTiedToCluster = new("LR025", Severity.Warning, "a check on the learner's snapshot does not tie it to the learner's cluster, so a snapshot of that name taken from another cluster passes");
    public static readonly FindingCode EmptyTab = new("LR030", Severity.Warning, "a content tab (=== \"Title\") with nothing in it: its body must be indented four spaces");
    public static readonly FindingCode TabIndent = new("LR031", Severity.Warning, "a line after a content tab indented one to three spaces: it ends the tab instead of belonging to it");
    public static readonly FindingCode BrokenTab = new("LR032", Severity.Warning, "a line that starts like a content tab (===) but whose title is not in closed double quotes, so it shows as text");
    public static readonly FindingCode TabSetShape = new("LR033", Severity.Warning, "a set of content tabs with one tab only, or two tabs with the same title");
    public static readonly FindingCode OptionalOverridden = new("LR034", Severity.Warning, "a step says optional: false inside an optional section, where every step is optional");
    public static readonly FindingCode NothingRequired = new("LR035", Severity.Warning, "every step of the lab is optional, so the lab is complete before the learner does anything");

    public static IReadOnlyList<FindingCode> All { get; } =
    [
        Unreadable, MalformedYaml, DuplicateKey, UnknownKey, MissingKey, BadValue, EscapesLab, MissingPage,
        MissingLinkTarget, UndefinedPlaceholder, DuplicateStepId, UnknownKind, UnknownParameter, MissingParameter,
        BadParameter, NeverAnIdentifier, EmptyListItem, NotText, TooLarge, BadVariable, StepShape, NameClash, TooComplex,
        NotTheLearners, SnapshotNotTiedToCluster, EmptyTab, TabIndent, BrokenTab, TabSetShape, OptionalOverridden,
        NothingRequired,
    ];
}
