using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using LabRunner.Content.Markdown;
using LabRunner.Content.Text;

namespace LabRunner.Content.Tests;

public sealed class VisibleTextTests
{
    // Pairs in a Fact, not InlineData: test runners choke on raw controls in test names.
    private static readonly (string Text, string Visible)[] Escaped =
    [
        ("\u001b]0;title\u0007", @"\x1b]0;title\x07"),
        ("\u001b]52;c;aGk=\u001b\\", @"\x1b]52;c;aGk=\x1b\"),
        ("\u001b[2J\u0000\u007f", @"\x1b[2J\x00\x7f"),
        ("one\r\n✓ passed\ttab", @"one\r\n✓ passed\ttab"),
        ("\u009b2J\u009d0;t\u009c\u0085", @"\x9b2J\x9d0;t\x9c\x85"),
        ("abc\u202edcba\u202c", @"abc\u202edcba\u202c"),
        ("\u2066\u2067\u2068\u2069\u200e\u200f\u061c\u202a\u202b\u202d", @"\u2066\u2067\u2068\u2069\u200e\u200f\u061c\u202a\u202b\u202d"),
        ("a\u2028b\u2029c", @"a\u2028b\u2029c"),
        ("zero\u200bwidth\u00adsoft\ufeffbom\u2060joiner", @"zero\u200bwidth\xadsoft\ufeffbom\u2060joiner"),
        ("\ufffe\uffff", @"\ufffe\uffff"),
        ("tag\U000E0041", @"tag\U000e0041"),
        ("a\ud800b😀\udc00", @"a\ud800b😀\udc00"),
    ];

    [Fact]
    public void Controls_bidi_invisible_format_characters_and_lone_surrogates_become_escapes()
    {
        Assert.All(Escaped, pair => Assert.Equal(pair.Visible, VisibleText.Of(pair.Text)));
    }

    [Theory]
    [InlineData("cluster aurora-alice-cluster is available, writer aurora-alice-instance-1")]
    [InlineData("Sauvegardes Aurora: déjà vu, 日本語, עברית, العربية")]
    [InlineData("✓ ✗ ◐ ! ☐ … ·")]
    [InlineData("emoji 👩‍💻 and 🏳️‍🌈 keep their joiners, ZWNJ\u200Cstays")]
    [InlineData(@"a path C:\labs\x1b stays as typed")]
    [InlineData("")]
    public void Ordinary_text_of_any_script_is_returned_unchanged(string text)
    {
        Assert.Same(text, VisibleText.Of(text));
    }

    [Fact]
    public void Null_is_empty()
    {
        Assert.Equal("", VisibleText.Of(null));
    }

    [Fact]
    public void Layout_characters_asked_for_are_kept_and_the_rest_made_visible()
    {
        Assert.Equal("a\\u202eb\nc\\x1b\n\\t", VisibleText.Of("a\u202eb\nc\u001b\n\t", keeping: "\n"));
    }

    [Fact]
    public void Markdown_keeps_its_layout_and_shows_hidden_characters_raw_or_referenced_as_escapes()
    {
        var page = "# Title\r\n\n\tcode\nraw \u202e and \u2028, referenced &#x202E; &#8233; &#x2067;, kept &#x41; &amp; &#xD800;\n";

        Assert.Equal(
            "# Title\r\n\n\tcode\nraw \\u202e and \\u2028, referenced \\u202e \\u2029 \\u2067, kept &#x41; &amp; &#xD800;\n",
            VisibleMarkdown.Of(page));
    }

    [Fact]
    public void Making_visible_twice_changes_nothing_more()
    {
        var once = VisibleText.Of("\u001b[2J\r\n\u202e\u009b\ud800");

        Assert.Equal(once, VisibleText.Of(once));
    }

    [Fact]
    public void Every_code_point_comes_out_as_one_line_that_XML_and_JSON_writers_accept()
    {
        var everything = string.Concat(Enumerable.Range(0, 0x10000).Select(value => (char)value)) + "\U0001F600\U000E0001";

        var visible = VisibleText.Of(everything);

        Assert.DoesNotContain('\n', visible);
        Assert.DoesNotContain('\r', visible);
        Assert.Equal(visible, XDocument.Parse(new XElement("v", new XAttribute("a", visible), visible).ToString()).Root!.Value);
        Assert.Equal(visible, JsonDocument.Parse(JsonSerializer.Serialize(visible)).RootElement.GetString());
        Assert.All(visible.EnumerateRunes(), rune => Assert.True(
            !Rune.IsControl(rune) && (Rune.GetUnicodeCategory(rune) != UnicodeCategory.Format || rune.Value is 0x200C or 0x200D),
            $"U+{rune.Value:X4} left raw"));
    }
}
