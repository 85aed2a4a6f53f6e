using System.Text.Json;
using LabRunner.Cli.Reports;

namespace LabRunner.Fronts.Tests.Reports;

public sealed class JsonPrintTests
{
    [Fact]
    public void Text_of_any_width_reaches_the_output_whole_however_the_buffers_split_it()
    {
        // 2-, 3- and 4-byte UTF-8 characters over several 16 KiB buffers: some fall across a buffer's end.
        var values = Enumerable.Range(0, 3000).Select(index => $"{index} é € 𝄞 learner-{index}").ToList();
        using var output = new StringWriter();

        JsonReport.Print(output, json =>
        {
            json.WriteStartArray();
            foreach (var value in values)
                json.WriteStringValue(value);
            json.WriteEndArray();
        });

        var text = output.ToString();
        Assert.EndsWith("]" + Environment.NewLine, text);
        using var read = JsonDocument.Parse(text);
        Assert.Equal(values, read.RootElement.EnumerateArray().Select(element => element.GetString()));
        Assert.DoesNotContain('\uFFFD', text);
    }
}
