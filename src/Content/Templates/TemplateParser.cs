using LabRunner.Content.Model;

namespace LabRunner.Content.Templates;

/// <summary>Splits text into literal parts and <c>{placeholder}</c> parts; <c>{{</c> and <c>}}</c> are literal braces.</summary>
public static class TemplateParser
{
    private static readonly char[] Braces = ['{', '}'];

    public static Template Parse(string source)
    {
        var parts = new List<TemplatePart>();
        var literal = new System.Text.StringBuilder();
        for (var index = 0; index < source.Length; index++)
        {
            var character = source[index];
            if (character == '{' && Peek(source, index + 1) == '{' || character == '}' && Peek(source, index + 1) == '}')
            {
                literal.Append(character);
                index++;
                continue;
            }
            if (character == '{')
            {
                // A name holds no brace, so the search stops at the next one: text full of unclosed '{' stays linear.
                var close = source.IndexOfAny(Braces, index + 1);
                var name = close < 0 || source[close] == '{' ? null : source[(index + 1)..close];
                if (name is not null && IsPlaceholderName(name))
                {
                    FlushLiteral(parts, literal);
                    parts.Add(new Placeholder(name, index));
                    index = close;
                    continue;
                }
            }
            literal.Append(character);
        }
        FlushLiteral(parts, literal);
        return new Template(source, parts);
    }

    /// <summary>Letters, digits, underscores and hyphens, starting with a letter: anything else in braces is literal text (JSON, code).</summary>
    public static bool IsPlaceholderName(string name) =>
        name.Length > 0 && char.IsAsciiLetter(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    private static char? Peek(string source, int index) => index < source.Length ? source[index] : null;

    private static void FlushLiteral(List<TemplatePart> parts, System.Text.StringBuilder literal)
    {
        if (literal.Length == 0)
            return;
        parts.Add(new LiteralText(literal.ToString()));
        literal.Clear();
    }
}
