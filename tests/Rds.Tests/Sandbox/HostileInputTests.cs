using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using LabRunner.Sandbox.Protocol;
using LabRunner.TestSupport;
using LabRunner.TestSupport.Sandbox;

namespace LabRunner.Rds.Tests.Sandbox;

/// <summary>Oversized chunked bodies and control characters: refused in RDS's error shape, never a crash or an empty 500.</summary>
public sealed class HostileInputTests : IAsyncLifetime
{
    private SandboxFixture sandbox = null!;

    public async Task InitializeAsync() => sandbox = await SandboxFixture.StartAsync();

    public async Task DisposeAsync() => await sandbox.DisposeAsync();

    [Fact]
    public async Task Chunked_25_MB_uploads_are_refused_while_reading_and_the_sandbox_stays_healthy()
    {
        sandbox.SeedCluster("aurora-alice-cluster");
        var uploads = Enumerable.Range(0, 4).Select(_ => new ChunkedUpload(25 << 20)).ToList();

        var answers = await Task.WhenAll(uploads.Select(upload => upload.SendAsync(sandbox.Uri)));

        foreach (var answer in answers)
        {
            Assert.Equal((413, "RequestEntityTooLarge"), (answer.Status, answer.ErrorCode));
            Assert.Contains("larger than 1048576 bytes", answer.ErrorMessage);
        }
        // Refused once past 1 MiB: far less than the 25 MB was ever taken off the wire (socket buffers hold a few MB).
        Assert.All(uploads, upload => Assert.True(upload.BytesWritten < 16 << 20, $"{upload.BytesWritten} bytes were written"));
        var after = await sandbox.CallAsync("DescribeDBClusters");
        Assert.Equal("aurora-alice-cluster", Assert.Single(after.Members("DBClusters", "DBCluster")).Field("DBClusterIdentifier"));
    }

    [Theory]
    [InlineData("Action", "DescribeDB\0Clusters", "Invalid value 'DescribeDB\\x00Clusters' for Action: it contains control characters.")]
    [InlineData("Marker", "\0", "Invalid value '\\x00' for Marker: it contains control characters.")]
    [InlineData("Marker", "\u001b]52;c;aGk=\u0007", "Invalid value '\\x1b]52;c;aGk=\\x07' for Marker: it contains control characters.")]
    public async Task Control_characters_in_a_parameter_are_a_readable_400(string name, string value, string message)
    {
        var form = new Dictionary<string, string> { ["Action"] = "DescribeDBClusters", ["Version"] = "2014-10-31", [name] = value };
        using var response = await sandbox.Http.PostAsync("/", new FormUrlEncodedContent(form));
        var result = await QueryResult.ReadAsync(response);

        Assert.Equal((400, "InvalidParameterValue", "Sender", message), (result.Status, result.ErrorCode, result.ErrorType, result.ErrorMessage));
    }

    [Fact]
    public async Task A_value_with_control_characters_is_never_stored_to_break_later_answers()
    {
        var create = await sandbox.CallAsync("CreateDBCluster", ("DBClusterIdentifier", "aurora-nul-cluster"), ("Engine", "aurora-mysql"), ("MasterUsername", "admin\0"));
        var describe = await sandbox.CallAsync("DescribeDBClusters");

        Assert.Equal((400, "InvalidParameterValue"), (create.Status, create.ErrorCode));
        Assert.Equal(200, describe.Status);
        Assert.Empty(describe.Members("DBClusters", "DBCluster"));
    }

    [Fact]
    public void Visible_text_escapes_c0_c1_bidi_and_what_xml_cannot_carry_and_keeps_the_rest()
    {
        Assert.Equal("a\\x00b\\x1b[2J\\x0a\\x7f\\x9b", ResponseWriter.Visible("a\0b\u001b[2J\n\u007f\u009b"));
        Assert.Equal("\\u202egnp.exe \\u2066x\\u2069 \\ud800 \\uffff", ResponseWriter.Visible("\u202egnp.exe \u2066x\u2069 \ud800 \uffff"));
        Assert.Equal("aurora-élodie 🙂 ✓", ResponseWriter.Visible("aurora-élodie 🙂 ✓"));
    }

    /// <summary>
    /// A form body of <c>a</c>s with no Content-Length (HTTP/1.1 chunked), sent over a raw socket while the answer is
    /// read at the same time: the sandbox answers while the body is still coming, then drops the connection.
    /// </summary>
    private sealed class ChunkedUpload(long length)
    {
        private const int ChunkSize = 64 << 10;

        public long BytesWritten { get; private set; }

        public async Task<QueryResult> SendAsync(Uri endpoint)
        {
            using var client = new TcpClient();
            await client.ConnectAsync(endpoint.Host, endpoint.Port);
            var stream = client.GetStream();
            var answer = ReadAnswerAsync(stream);
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"POST / HTTP/1.1\r\nHost: {endpoint.Authority}\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n"));
            var chunk = Encoding.ASCII.GetBytes($"{ChunkSize:x}\r\n{new string('a', ChunkSize)}\r\n");
            try
            {
                while (!answer.IsCompleted && BytesWritten < length)
                {
                    await stream.WriteAsync(chunk);
                    BytesWritten += ChunkSize;
                }
            }
            catch (IOException)
            {
                // The sandbox closed the connection after answering.
            }
            var (status, body) = await Eventually.CompletesAsync(answer, "the sandbox answers a chunked upload", TimeSpan.FromSeconds(60));
            return new QueryResult(status, XDocument.Parse(body), body);
        }

        private static async Task<(int Status, string Body)> ReadAnswerAsync(NetworkStream stream)
        {
            var received = new List<byte>();
            var buffer = new byte[8192];
            while (true)
            {
                var text = Encoding.UTF8.GetString(received.ToArray());
                var headEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
                if (headEnd >= 0)
                {
                    var head = text[..headEnd];
                    var contentLength = int.Parse(Regex.Match(head, @"(?im)^content-length:\s*(\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
                    if (received.Count >= headEnd + 4 + contentLength)
                        return (int.Parse(head.Split(' ')[1], CultureInfo.InvariantCulture), Encoding.UTF8.GetString(received.ToArray(), headEnd + 4, contentLength));
                }
                var count = await stream.ReadAsync(buffer);
                if (count == 0)
                    throw new IOException($"The connection closed before a whole answer arrived: {text}");
                received.AddRange(buffer.AsSpan(0, count).ToArray());
            }
        }
    }
}
