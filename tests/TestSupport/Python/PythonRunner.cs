using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LabRunner.TestSupport.Python;

/// <summary>Runs a short python3 script (botocore, boto3 and moto are on the machine image) with JSON in and JSON out.</summary>
public static class PythonRunner
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    /// <param name="script">Reads one JSON document from stdin and prints one to stdout.</param>
    public static async Task<JsonNode> RunJsonAsync(string script, object input)
    {
        var start = new ProcessStartInfo("python3", ["-c", script])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start.");
        await process.StandardInput.WriteAsync(JsonSerializer.Serialize(input));
        process.StandardInput.Close();

        using var deadline = new CancellationTokenSource(Limit);
        var stdout = process.StandardOutput.ReadToEndAsync(deadline.Token);
        var stderr = process.StandardError.ReadToEndAsync(deadline.Token);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"python3 did not finish within {Limit}.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"python3 exited with {process.ExitCode}:\n{await stderr}");
        }

        return JsonNode.Parse(await stdout) ?? throw new InvalidOperationException("python3 printed no JSON.");
    }
}
