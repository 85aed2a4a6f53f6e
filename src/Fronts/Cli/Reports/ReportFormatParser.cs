using System.CommandLine.Parsing;

namespace LabRunner.Cli.Reports;

public static class ReportFormatParser
{
    public static ReportFormat Parse(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? "text" : result.Tokens[0].Value;
        if (Enum.TryParse<ReportFormat>(text, ignoreCase: true, out var format) && !int.TryParse(text, out _))
            return format;
        result.AddError($"--format '{text}' is not text, json, junit or markdown");
        return ReportFormat.Text;
    }
}
