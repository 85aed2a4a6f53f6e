using System.Text;

namespace LabRunner.TestSupport.Fuzzing;

/// <summary>
/// Mutations of a lab's files, from a seeded <see cref="Random"/> so every variant can be made again from its number:
/// byte flips (one mutation in eight), lines duplicated or deleted, and the shapes hostile labs take (aliases that loop or explode, deep nesting,
/// huge scalars, control characters and escapes, NULs, unusual line breaks, path tricks in page references and links).
/// </summary>
public static class LabMutator
{
    private delegate string TextMutation(Random random, string text);

    private static readonly string[] PathTricks =
    [
        "../../../etc/passwd", "/etc/passwd", "pages/%2e%2e/%2e%2e/lab.yaml", "x%00.md", "%00", "a\u2028b.md", "pages/../pages/recap.md",
        "pages/" + new string('a', 300) + ".md", "file:///etc/passwd", "#anchor", "?query", "pages/recap.md#x?y", "%zz", "..", ".", "",
        "pages/recap.md%0a", "C:\\Windows\\win.ini", "\\\\server\\share\\x.md", "pages//recap.md", "pages/./recap.md",
    ];

    private static readonly (string Name, TextMutation Mutate)[] ManifestMutations =
    [
        ("duplicate a line", DuplicateLine),
        ("delete a line", DeleteLine),
        ("truncate", Truncate),
        ("self-referencing alias", (_, text) => text + "x-r: &r [*r]\n? *r\n: 1\n"),
        ("billion laughs", BillionLaughs),
        ("undefined alias", (random, text) => ReplaceValue(random, text, "*nowhere")),
        ("anchor and alias a value", AnchorAndAlias),
        ("deep brackets", (random, text) => text + "x-deep: " + Nested(random, "[", "]") + "\n"),
        ("deep flow mappings", (random, text) => text + "x-deep: " + Nested(random, "{a: ", "}") + "\n"),
        ("unclosed brackets", (random, text) => text + "x-open: " + new string('[', random.Next(1, 5000)) + "\n"),
        ("huge scalar", (random, text) => ReplaceValue(random, text, new string('a', random.Next(1_000, 100_000)))),
        ("huge placeholder run", (random, text) => ReplaceValue(random, text, "\"" + Repeat(random.Next(2) == 0 ? "{x}" : "{a", random.Next(100, 20_000)) + "\"")),
        ("yaml escapes", (random, text) => ReplaceValue(random, text, "\"" + Pick(random, ["\\0", "\\e]0;title\\a", "\\x07", "\\u2028", "\\r", "\\n", "\\x85", "\\u202E", "\\t"]) + "x\"")),
        ("raw control character", (random, text) => Insert(random, text, ((char)random.Next(0, 32)).ToString())),
        ("raw NUL", (random, text) => Insert(random, text, "\0")),
        ("odd line breaks", OddLineBreaks),
        ("tab indentation", (random, text) => IndentWithTab(random, text)),
        ("multi-line key", (_, text) => text + "? |\n  first\n  second\n: value\n"),
        ("duplicate top-level key", (_, text) => text + "title: again\n"),
        ("page path trick", PagePathTrick),
        ("pattern trick", PatternTrick),
        ("resource trick", ResourceTrick),
        ("unicode noise", (random, text) => Insert(random, text, Pick(random, ["\u2028", "\u2029", "\u0085", "\uFEFF", "\u202E", "\uD800", "é", "\u0301", "😀"]))),
    ];

    private static readonly (string Name, TextMutation Mutate)[] PageMutations =
    [
        ("duplicate a line", DuplicateLine),
        ("delete a line", DeleteLine),
        ("link path trick", (random, text) => text + "\n" + Pick(random, ["[x](", "![i]("]) + Pick(random, PathTricks) + ")\n"),
        ("link-like run", (random, text) => text + "\n" + Repeat(Pick(random, ["[a](", "![a](", "*a", "_a_", "[", "<a", "`"]), random.Next(10, 20_000)) + "\n"),
        ("nested quotes", (random, text) => text + "\n" + new string('>', random.Next(10, 5_000)) + " deep\n"),
        ("nested lists", (random, text) => text + "\n" + string.Concat(Enumerable.Range(0, random.Next(10, 400)).Select(level => new string(' ', level * 2) + "- item\n"))),
        ("placeholder noise", (random, text) => text + "\n" + Pick(random, ["{undefined}", "{yourname}", "{{x}}", Repeat("{", random.Next(1, 100_000)), "{" + new string('a', random.Next(1, 100_000)) + "}"]) + "\n"),
        ("raw NUL", (random, text) => Insert(random, text, "\0")),
        ("odd line breaks", OddLineBreaks),
        ("admonition noise", (random, text) => text + "\n" + Repeat("!!! note \"x\"\n    ", random.Next(1, 300)) + "body\n"),
        ("huge table", (random, text) => text + "\n| a | b |\n| - | - |\n" + Repeat("| [x](y) | *z* |\n", random.Next(10, 3_000))),
    ];

    /// <summary>Variant <paramref name="index"/> of <paramref name="files"/> (relative path → bytes) for <paramref name="seed"/>, with what was done to it.</summary>
    public static (Dictionary<string, byte[]> Files, string Description) Variant(IReadOnlyDictionary<string, byte[]> files, int seed, int index)
    {
        // Not HashCode.Combine: its seed changes with every process, and a seeded run must be the same run every time.
        var random = new Random(unchecked((seed * 1_000_003) + index));
        var mutated = files.ToDictionary(pair => pair.Key, pair => pair.Value);
        var done = new List<string>();
        for (var count = random.Next(1, 4); count > 0; count--)
        {
            var onManifest = random.Next(10) < 7;
            var file = onManifest ? "lab.yaml" : Pick(random, [.. files.Keys.Where(name => name != "lab.yaml").Order(StringComparer.Ordinal)]);
            if (random.Next(8) == 0)
            {
                mutated[file] = FlipByte(random, mutated[file]);
                done.Add($"{file}: flip a byte");
                continue;
            }
            var (name, mutate) = Pick(random, onManifest ? ManifestMutations : PageMutations);
            mutated[file] = Encoding.UTF8.GetBytes(mutate(random, Encoding.UTF8.GetString(mutated[file])));
            done.Add($"{file}: {name}");
        }
        return (mutated, string.Join("; ", done));
    }

    private static byte[] FlipByte(Random random, byte[] bytes)
    {
        if (bytes.Length == 0)
            return bytes;
        var copy = (byte[])bytes.Clone();
        copy[random.Next(copy.Length)] = (byte)random.Next(256);
        return copy;
    }

    private static string DuplicateLine(Random random, string text)
    {
        var lines = text.Split('\n').ToList();
        var at = random.Next(lines.Count);
        lines.Insert(at, lines[at]);
        return string.Join('\n', lines);
    }

    private static string DeleteLine(Random random, string text)
    {
        var lines = text.Split('\n').ToList();
        lines.RemoveAt(random.Next(lines.Count));
        return string.Join('\n', lines);
    }

    private static string Truncate(Random random, string text) => text[..random.Next(text.Length + 1)];

    private static string BillionLaughs(Random random, string text)
    {
        var width = random.Next(2, 12);
        var builder = new StringBuilder(text).Append("x-l0: &l0 [").Append(string.Join(", ", Enumerable.Repeat("lol", width))).Append("]\n");
        var levels = random.Next(3, 12);
        for (var level = 1; level <= levels; level++)
            builder.Append($"x-l{level}: &l{level} [").Append(string.Join(", ", Enumerable.Repeat($"*l{level - 1}", width))).Append("]\n");
        return builder.Append(random.Next(2) == 0 ? $"? *l{levels}\n: key\n" : $"x-bomb: *l{levels}\n").ToString();
    }

    private static string AnchorAndAlias(Random random, string text)
    {
        var lines = text.Split('\n').ToList();
        var candidates = lines.Select((line, index) => (line, index)).Where(pair => pair.line.Contains(": ", StringComparison.Ordinal)).ToList();
        if (candidates.Count < 2)
            return text;
        var (anchorLine, anchorIndex) = Pick(random, candidates);
        var (aliasLine, aliasIndex) = Pick(random, candidates);
        lines[anchorIndex] = anchorLine.Insert(anchorLine.IndexOf(": ", StringComparison.Ordinal) + 2, "&v ");
        if (aliasIndex != anchorIndex)
            lines[aliasIndex] = aliasLine[..(aliasLine.IndexOf(": ", StringComparison.Ordinal) + 2)] + "*v";
        return string.Join('\n', lines);
    }

    private static string Nested(Random random, string open, string close)
    {
        var depth = random.Next(2) == 0 ? random.Next(10, 200) : random.Next(1_000, 100_000);
        return Repeat(open, depth) + (open.StartsWith('{') ? "1" : "") + Repeat(close, depth);
    }

    private static string OddLineBreaks(Random random, string text)
    {
        var replacement = Pick(random, ["\r", "\u2028", "\u2029", "\u0085", "\r\n", "\v", "\f"]);
        var builder = new StringBuilder(text.Length);
        foreach (var character in text)
            builder.Append(character == '\n' && random.Next(3) == 0 ? replacement : character.ToString());
        return builder.ToString();
    }

    private static string PagePathTrick(Random random, string text)
    {
        var pages = text.Split('\n').Where(line => line.TrimStart().StartsWith("page:", StringComparison.Ordinal) || line.StartsWith("recap:", StringComparison.Ordinal)).ToList();
        if (pages.Count == 0)
            return text;
        var line = Pick(random, pages);
        var trick = Pick(random, PathTricks);
        return text.Replace(line, line[..(line.IndexOf(':') + 1)] + " \"" + trick.Replace("\\", "\\\\") + (random.Next(2) == 0 ? ".md" : "") + "\"");
    }

    private static string PatternTrick(Random random, string text) =>
        text.Replace("    pattern: '.{1,30}'", Pick(random,
        [
            "    pattern: '(a|aa)+'\n    default: '" + new string('a', random.Next(10, 5_000)) + "b'",
            "    pattern: '((a|aa)+)\\1?b'\n    default: '" + new string('a', random.Next(10, 200)) + "c'",
            "    pattern: '(?x)a#'",
            "    pattern: '[z-a]'",
            "    pattern: '(?<=a)b'",
            "    pattern: '" + Repeat("(a", 200) + Repeat(")", 200) + "'",
            "    pattern: 'a{1000000}'",
        ]));

    private static string ResourceTrick(Random random, string text) =>
        text.Replace("  snapshot: aurora-{yourname}-snap1", Pick(random,
        [
            "  snapshot: aurora-bob-snap1",
            "  snapshot: \"{backup_window}\"",
            "  snapshot: '{backup_window}-{yourname}'",
            "  snapshot: aurora-{yourname}-{yourname}",
            "  snapshot: '{yourname}'",
            "  snapshot: " + new string('x', 500) + "-{yourname}",
        ]));

    private static string ReplaceValue(Random random, string text, string value)
    {
        var lines = text.Split('\n').ToList();
        var candidates = lines.Select((line, index) => (line, index)).Where(pair => pair.line.Contains(": ", StringComparison.Ordinal)).ToList();
        if (candidates.Count == 0)
            return text + "x-value: " + value + "\n";
        var (line, index) = Pick(random, candidates);
        lines[index] = line[..(line.IndexOf(": ", StringComparison.Ordinal) + 2)] + value;
        return string.Join('\n', lines);
    }

    private static string Insert(Random random, string text, string what) => text.Insert(random.Next(text.Length + 1), what);

    private static string IndentWithTab(Random random, string text)
    {
        var lines = text.Split('\n');
        var at = random.Next(lines.Length);
        lines[at] = "\t" + lines[at];
        return string.Join('\n', lines);
    }

    private static string Repeat(string unit, int count) => new StringBuilder(unit.Length * count).Insert(0, unit, count).ToString();

    private static T Pick<T>(Random random, IReadOnlyList<T> choices) => choices[random.Next(choices.Count)];
}
