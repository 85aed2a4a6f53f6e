using System.Text;
using LabRunner.Content.Model;
using LabRunner.Content.Templates;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace LabRunner.Content.Import;

public enum ResourceKind
{
    Cluster,
    Snapshot,
    Instance,
    Other,
}

/// <param name="LearnerName">Used in a resource name: it names the learner in RDS identifiers (rds-identifier: true).</param>
public sealed record ImportedVariable(string Name, bool LearnerName);

/// <param name="Template">The name as the page writes it, placeholders spelled as the lab's variables.</param>
public sealed record ImportedResource(string Name, string Template, ResourceKind Kind);

/// <summary>
/// The names a workshop page uses: each placeholder spelling (<c>{YOUR_NAME}</c>, <c>{yourname}</c>) becomes one variable
/// (names match ignoring case and underscores, as in a lab), and each code span naming an RDS resource through a
/// placeholder (<c>`aurora-{yourname}-cluster`</c>) becomes a resource. <see cref="Markdown"/> is the page rewritten to use
/// them: one spelling per variable, and <c>`{cluster}`</c> where the page spelled the resource's name out.
/// </summary>
public sealed record PageNames(IReadOnlyList<ImportedVariable> Variables, IReadOnlyList<ImportedResource> Resources, string Markdown)
{
    public ImportedResource? First(ResourceKind kind) => Resources.FirstOrDefault(resource => resource.Kind == kind);

    public static PageNames Of(string markdown, MarkdownDocument document)
    {
        var placeholders = TemplateParser.Parse(markdown).Placeholders.ToList();
        var resources = new List<ImportedResource>();
        var edits = new List<(int Start, int Length, string Text)>();
        foreach (var code in document.Descendants<CodeInline>())
        {
            // A span LabRunner cannot map back to the text (no backtick where it starts) is left as written.
            if (ResourceTemplate(code.Content) is not { } template || code.Span.Start < 0 || markdown[code.Span.Start] != '`')
                continue;
            var resource = resources.FirstOrDefault(known => known.Template == template)
                ?? Add(resources, template, placeholders.Select(placeholder => PlaceholderKey.Of(placeholder.Name)));
            edits.Add((code.Span.Start, code.Span.Length, $"`{{{resource.Name}}}`"));
        }
        foreach (var placeholder in placeholders.Where(placeholder => placeholder.Name != PlaceholderKey.Of(placeholder.Name)))
        {
            if (!edits.Any(edit => placeholder.Offset >= edit.Start && placeholder.Offset < edit.Start + edit.Length))
                edits.Add((placeholder.Offset, placeholder.Name.Length + 2, $"{{{PlaceholderKey.Of(placeholder.Name)}}}"));
        }
        var learnerNames = resources.SelectMany(resource => TemplateParser.Parse(resource.Template).Placeholders).Select(placeholder => placeholder.Name).ToHashSet();
        var variables = placeholders.Select(placeholder => PlaceholderKey.Of(placeholder.Name)).Distinct()
            .Select(name => new ImportedVariable(name, learnerNames.Contains(name))).ToList();
        return new PageNames(variables, resources, Apply(markdown, edits));
    }

    /// <summary>The code span's text with placeholders in lab spelling, when it is an RDS name built from a placeholder and words.</summary>
    private static string? ResourceTemplate(string code)
    {
        var template = TemplateParser.Parse(code.Trim());
        if (!template.Placeholders.Any() || !template.Parts.OfType<LiteralText>().Any(part => part.Text.Any(char.IsAsciiLetter)))
            return null;
        var sample = string.Concat(template.Parts.Select(part => part is LiteralText literal ? literal.Text : "x"));
        if (RdsIdentifier.Problem(sample) is not null)
            return null;
        return string.Concat(template.Parts.Select(part => part is Placeholder placeholder ? $"{{{PlaceholderKey.Of(placeholder.Name)}}}" : ((LiteralText)part).Text));
    }

    private static ImportedResource Add(List<ImportedResource> resources, string template, IEnumerable<string> variableNames)
    {
        var kind = KindOf(template);
        var taken = resources.Select(resource => resource.Name).Concat(variableNames).ToHashSet();
        var stem = kind == ResourceKind.Other ? "resource" : kind.ToString().ToLowerInvariant();
        var name = Enumerable.Range(1, int.MaxValue).Select(n => n == 1 ? stem : $"{stem}{n}").First(candidate => !taken.Contains(candidate));
        var resource = new ImportedResource(name, template, kind);
        resources.Add(resource);
        return resource;
    }

    private static ResourceKind KindOf(string template)
    {
        var words = string.Concat(TemplateParser.Parse(template).Parts.OfType<LiteralText>().Select(part => part.Text)).ToLowerInvariant();
        if (words.Contains("snap", StringComparison.Ordinal))
            return ResourceKind.Snapshot;
        if (words.Contains("cluster", StringComparison.Ordinal))
            return ResourceKind.Cluster;
        return words.Contains("instance", StringComparison.Ordinal) || words.Contains("writer", StringComparison.Ordinal)
            ? ResourceKind.Instance
            : ResourceKind.Other;
    }

    private static string Apply(string markdown, List<(int Start, int Length, string Text)> edits)
    {
        var text = new StringBuilder(markdown);
        foreach (var (start, length, replacement) in edits.OrderByDescending(edit => edit.Start))
            text.Remove(start, length).Insert(start, replacement);
        return text.ToString();
    }
}
