using System.Text;
using LabRunner.Content.Findings;
using LabRunner.Content.Lint;
using LabRunner.TestSupport;

namespace LabRunner.Content.Tests;

/// <summary>
/// Each folder under tests/broken-labs is a lab with one deliberate kind of mistake; its expected-findings.txt holds the
/// exact lint lines (paths relative to tests/broken-labs). A few cases are completed at test time, where the repository
/// cannot hold the input: a 50 MB page, a binary page, a symbolic link out of the lab, a named pipe, a BOM with CRLF line endings.
/// </summary>
public sealed class BrokenLabTests : IDisposable
{
    private const int FiftyMegabytes = 50 * 1024 * 1024;

    private static readonly string CasesRoot = Repository.PathOf("tests", "broken-labs");

    private static readonly Dictionary<string, Action<string, TempDirectory>> Setups = new()
    {
        ["symlink-escape"] = (lab, scratch) =>
        {
            scratch.Write("outside/step.md", "# A page outside the lab\n");
            Directory.CreateSymbolicLink(Path.Join(lab, "pages"), scratch.PathOf("outside"));
        },
        ["binary-page"] = (lab, _) => Write(lab, "pages/step.md", [.. "# Step\n\n"u8, 0x00, 0x01, 0x02, .. "binary"u8]),
        ["fifo-page"] = (lab, _) => MakeFifo(Path.Join(lab, "pages", "step.md")),
        ["page-too-large"] = (lab, _) =>
        {
            Directory.CreateDirectory(Path.Join(lab, "pages"));
            using var page = File.Create(Path.Join(lab, "pages", "step.md"));
            page.SetLength(FiftyMegabytes);
        },
    };

    private readonly TempDirectory scratch = new();

    public static TheoryData<string> Cases() =>
        [.. Directory.GetDirectories(CasesRoot).Select(folder => Path.GetFileName(folder)).Order()];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_broken_lab_yields_exactly_its_expected_located_findings(string name)
    {
        var lab = scratch.CopyFrom(Path.Join(CasesRoot, name), name);
        if (Setups.TryGetValue(name, out var setup))
            setup(lab, scratch);

        Assert.Equal(Expected(name), Lint(lab));
    }

    [Fact]
    public void A_bom_and_crlf_line_endings_change_nothing_not_even_positions()
    {
        var lab = scratch.CopyFrom(Path.Join(CasesRoot, "crlf-bom"), "crlf-bom");
        foreach (var file in Directory.EnumerateFiles(lab, "*", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file).Replace("\n", "\r\n");
            File.WriteAllBytes(file, [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text)]);
        }

        Assert.Equal(Expected("crlf-bom"), Lint(lab));
    }

    [Fact]
    public void Every_finding_code_has_a_broken_lab_that_shows_it()
    {
        var shown = Directory.GetDirectories(CasesRoot)
            .SelectMany(folder => File.ReadAllLines(Path.Join(folder, "expected-findings.txt")))
            .Select(line => line.Split(' ')[2].TrimEnd(':'))
            .ToHashSet();

        var unshown = FindingCodes.All.Select(code => code.Id).Except(shown);

        Assert.Equal([], unshown);
    }

    public void Dispose() => scratch.Dispose();

    private string[] Lint(string lab) =>
        [.. LabLinter.Lint(lab).Findings.Select(finding => finding.ToString().Replace(scratch.Path + "/", ""))];

    private static string[] Expected(string name) => File.ReadAllLines(Path.Join(CasesRoot, name, "expected-findings.txt"));

    private static void MakeFifo(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var mkfifo = System.Diagnostics.Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    private static void Write(string lab, string relative, byte[] bytes)
    {
        var file = Path.Join(lab, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file, bytes);
    }
}
