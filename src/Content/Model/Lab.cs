using LabRunner.Content.Files;
using LabRunner.Content.Text;

namespace LabRunner.Content.Model;

/// <summary>A loaded, validated lab: the manifest plus where its pages live. Pure data.</summary>
public sealed record Lab(
    string Id,
    string Title,
    string Description,
    int EstimatedMinutes,
    string Directory,
    IReadOnlyList<LabVariable> Variables,
    IReadOnlyList<ResourceTemplate> Resources,
    IReadOnlyList<Section> Sections,
    PageRef? Recap,
    IReadOnlyList<KindSpec> Cleanup,
    IReadOnlyList<KindSpec> Fixtures,
    SourceSpan Location)
{
    public IEnumerable<Step> Steps => Sections.SelectMany(section => section.Steps);

    public Step? FindStep(string id) => Steps.FirstOrDefault(step => step.Id == id);

    /// <summary>The steps that make the lab complete: every step but the optional ones.</summary>
    public IEnumerable<Step> RequiredSteps => Steps.Where(step => !step.Optional);

    /// <summary>The same lab with its optional steps left out, and any section left empty by that.</summary>
    public Lab WithoutOptionalSteps() => this with
    {
        Sections = Sections
            .Select(section => section with { Steps = section.Steps.Where(step => !step.Optional).ToList() })
            .Where(section => section.Steps.Count > 0)
            .ToList(),
    };

    /// <summary>The variables that name a learner in RDS identifiers (marked rds-identifier); a roster or a list of names needs exactly one.</summary>
    public IReadOnlyList<LabVariable> NameVariables => Variables.Where(variable => variable.FormsRdsIdentifiers).ToList();

    /// <summary>The lab's folder, the only place its pages and images are read from.</summary>
    public LabFolder Folder => new(Directory, Path.GetDirectoryName(Location.File) ?? Directory);
}

/// <summary>A value the learner supplies (their name, a backup window), referenced as <c>{name}</c>.</summary>
/// <param name="FormsRdsIdentifiers">Every resource name built from this variable must be a valid RDS identifier.</param>
/// <param name="Type">What the value is; a typed value is judged by its type's rules, in words.</param>
public sealed record LabVariable(
    string Name,
    string Prompt,
    string? Default,
    string? Pattern,
    bool FormsRdsIdentifiers,
    SourceSpan Location,
    VariableType Type = VariableType.Text)
{
    /// <summary>
    /// Why <paramref name="value"/> is not acceptable, in words a learner reads (the pattern itself is never shown:
    /// the prompt says what is expected), or null when it is.
    /// </summary>
    public string? Problem(string value) => TypeProblem(value) ?? Match(value) switch
    {
        PatternMatch.Matches => null,
        PatternMatch.TooSlow => $"checking '{Echo.Of(value)}' took too long; the lab's pattern for it backtracks ({Prompt})",
        _ => $"'{Echo.Of(value)}' is not what it asks for: {Prompt}",
    };

    /// <summary>Why <paramref name="value"/> is not a value of <see cref="Type"/>, or null when it is.</summary>
    public string? TypeProblem(string value) => Type switch
    {
        VariableType.BackupWindow => BackupWindowRules.Problem(value),
        _ => null,
    };

    /// <summary>Whether the whole of <paramref name="value"/> matches <see cref="Pattern"/> (any value when there is none).</summary>
    public bool Accepts(string value) => Match(value) == PatternMatch.Matches;

    /// <summary>How <paramref name="value"/> fares against <see cref="Pattern"/>, which must be a valid regular expression.</summary>
    public PatternMatch Match(string value) => Pattern is null ? PatternMatch.Matches : VariablePatterns.Match(Pattern, value);
}

/// <summary>A named RDS resource of the learner's, e.g. <c>cluster: aurora-{yourname}-cluster</c>; usable as <c>{cluster}</c>.</summary>
public sealed record ResourceTemplate(string Name, Template Template, SourceSpan Location);

/// <param name="Optional">Every step of the section is optional.</param>
public sealed record Section(string Title, IReadOnlyList<Step> Steps, SourceSpan Location, bool Optional = false);

/// <summary>One thing the learner does. <see cref="Verify"/> is empty exactly when the step is <see cref="Manual"/>.</summary>
/// <param name="Optional">An extra: shown and checked, but it never holds back the recap nor counts towards completion (set by the step or its section).</param>
public sealed record Step(
    string Id,
    string Title,
    PageRef Page,
    string? Hint,
    IReadOnlyList<KindSpec> Verify,
    KindSpec? Perform,
    WaitSpec? Wait,
    bool Manual,
    SourceSpan Location,
    bool Optional = false);

/// <summary>Poll the step's checks until they pass, at <see cref="Interval"/>, giving up after <see cref="Timeout"/>.</summary>
public sealed record WaitSpec(TimeSpan Timeout, TimeSpan Interval, SourceSpan Location);

/// <summary>A Markdown page inside the lab folder.</summary>
public sealed record PageRef(string RelativePath, string FullPath, SourceSpan Location);

/// <summary>
/// A check, action or fixture as written in lab.yaml: its kind (looked up in a registry) and its parameters.
/// Parameter values are templates; the kind that owns them knows their types.
/// </summary>
public sealed record KindSpec(string Kind, IReadOnlyDictionary<string, SpecValue> Parameters, SourceSpan Location)
{
    public SpecValue? Get(string name) => Parameters.TryGetValue(name, out var value) ? value : null;
}

public sealed record SpecValue(Template Value, SourceSpan Location);

/// <summary>A position in a lab file, 1-based, for findings that a person can jump to.</summary>
public sealed record SourceSpan(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}
