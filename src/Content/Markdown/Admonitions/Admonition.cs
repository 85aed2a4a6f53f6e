using Markdig.Syntax;

namespace LabRunner.Content.Markdown.Admonitions;

/// <summary>
/// What an admonition (<c>!!! note "Title"</c>) was, kept as data on the <see cref="QuoteBlock"/> that renders it.
/// </summary>
/// <param name="Kind">The type in lower case: note, tip, warning…</param>
/// <param name="Title">The title shown, or null when the author asked for none (<c>!!! note ""</c>).</param>
/// <param name="Collapsible">Written <c>???</c>: the reader can fold it.</param>
/// <param name="InitiallyOpen">Written <c>???+</c>, or not collapsible: the body shows until folded.</param>
public sealed record Admonition(string Kind, string? Title, bool Collapsible, bool InitiallyOpen)
{
    /// <summary>The admonition a quote block stands for, or null for an ordinary quote.</summary>
    public static Admonition? Of(Block block) => block.GetData(typeof(Admonition)) as Admonition;

    internal void AttachTo(QuoteBlock block) => block.SetData(typeof(Admonition), this);
}
