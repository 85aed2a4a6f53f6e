namespace LabRunner.Content.Import;

/// <summary>A workshop page split the way a lab is: sections (its <c>##</c> headings), each a run of numbered instructions.</summary>
/// <param name="Title">The page's <c>#</c> heading, or null when it has none.</param>
/// <param name="Recap">The Markdown of an admonition titled "Recap", which becomes the lab's recap page.</param>
public sealed record WorkshopPage(string? Title, IReadOnlyList<WorkshopSection> Sections, string? Recap);

/// <param name="Intro">The Markdown between the heading and the first instruction.</param>
public sealed record WorkshopSection(string Title, string Intro, IReadOnlyList<Instruction> Instructions);

/// <summary>One numbered instruction of the page.</summary>
/// <param name="Number">Its number on the page, within its section (1-based, counted, whatever the Markdown wrote).</param>
/// <param name="Markdown">The list item as written, from its number to its last line.</param>
/// <param name="Text">What it says, without Markdown: what suggestions are read from.</param>
/// <param name="After">Markdown that follows it before the next instruction (paragraphs, images, admonitions).</param>
public sealed record Instruction(int Number, string Markdown, string Text, string After)
{
    /// <summary>
    /// The item numbered <paramref name="number"/>, its continuation lines untouched: the new number is padded to the old
    /// one's width so the content column stays where the continuation lines are indented to.
    /// </summary>
    public string NumberedAs(int number)
    {
        var indent = Markdown.Length - Markdown.TrimStart(' ').Length;
        var digits = Markdown.AsSpan(indent).IndexOfAnyExceptInRange('0', '9');
        if (digits <= 0 || indent + digits >= Markdown.Length)
            return Markdown;
        var marker = $"{number}{Markdown[indent + digits]}";
        return Markdown[..indent] + marker.PadRight(digits + 1) + Markdown[(indent + digits + 1)..];
    }
}
