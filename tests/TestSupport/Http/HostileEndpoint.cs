using System.Text;
using Microsoft.AspNetCore.Http;

namespace LabRunner.TestSupport.Http;

/// <summary>One way an endpoint misbehaves, answering every Describe LabRunner sends.</summary>
/// <param name="ExitCode">What <c>labrunner check</c> must exit with: 3 when the endpoint cannot be read, 1 when it was read but steps did not pass.</param>
/// <param name="Says">Words the CLI's output or error must hold, so the learner knows what happened.</param>
public sealed record HostileCase(string Name, Func<HttpContext, RecordedRequest, Task> Respond, int ExitCode, string Says)
{
    public override string ToString() => Name;
}

/// <summary>
/// A hostile or broken RDS endpoint for a <see cref="ScriptedHttpServer"/> (issue 12): bodies that are not RDS's XML,
/// terminal escape sequences and forged result lines in messages, identifiers and statuses, markers that never end or
/// cycle, bodies and values too large to hold.
/// </summary>
public static class HostileEndpoint
{
    /// <summary>What a forged line carries, so a test can find it.</summary>
    public const string ForgedMark = "FORGED";

    /// <summary>CR/LF then lines shaped as a passed step in the text, Markdown and JUnit reports.</summary>
    public const string ForgedLines = "\r\n  ✓ forged-step  passed  " + ForgedMark + "\n| ✓ | forged | passed | " + ForgedMark + " |\n<testcase name=\"" + ForgedMark + "\"/>\r\n";

    /// <summary>OSC 0 (window title), OSC 52 (clipboard write), CSI 2J (clear screen), BEL, DEL, NUL.</summary>
    public const string EscapeSequences = "\u001b]0;pwned\u0007\u001b]52;c;cHduZWQ=\u0007\u001b[2J\u0000\u007f";

    /// <summary>The same sequences in their 8-bit C1 forms (CSI, OSC, ST, NEL), then bidi overrides and isolates, all valid in XML.</summary>
    public const string C1AndBidi = "\u009b2J\u009d52;c;cHduZWQ=\u009c\u0085\u202eevil\u202c\u2066x\u2069\u200e\u061c\u2028";

    public const int LargeBodyBytes = 50 * 1024 * 1024;

    public const int LargeValueChars = 10 * 1024 * 1024;

    private const string Learner = "alice";

    public static IReadOnlyList<HostileCase> Cases { get; } =
    [
        new("non-XML body", (context, _) => RdsReplies.Body(context, 200, "text/plain", "upstream says: " + EscapeSequences + C1AndBidi + ForgedLines), 3, "a body that is not XML"),
        new("HTML page", (context, _) => RdsReplies.Body(context, 200, "text/html", $"<!doctype html><html><head><title>Sign in {EscapeSequences}{C1AndBidi}{ForgedLines}</title></head><body>portal</body></html>"), 3, "an HTML page"),
        new("raw controls in an error Message", (context, _) => RdsReplies.Error(context, 403, "AccessDenied", "denied " + EscapeSequences + ForgedLines), 3, "does not parse"),
        new("raw controls in a status", (context, request) => Resources(context, request, status: "available" + EscapeSequences, member: $"aurora-{Learner}-instance-1"), 3, "does not parse"),
        new("C1, bidi and CR/LF in an error Message", (context, _) => RdsReplies.Error(context, 403, "AccessDenied", XmlText("denied " + C1AndBidi + ForgedLines)), 3, "denied"),
        new("C1, bidi and CR/LF in identifiers and statuses", (context, request) => Resources(context, request, status: XmlText("available" + C1AndBidi + ForgedLines), member: XmlText("writer" + C1AndBidi + ForgedLines)), 1, "evil"),
        new("a new marker on every page", (context, request) => EmptyPage(context, request, Guid.NewGuid().ToString()), 3, "still sent a Marker after 1000 pages"),
        new("a cycle of markers", (context, request) => EmptyPage(context, request, NextInCycle(request.Form.GetValueOrDefault("Marker"))), 3, "that it had sent before"),
        new("a 50 MB body with Content-Length", (context, _) => LargeBodyAsync(context, chunked: false), 3, "16 MiB"),
        new("a 50 MB chunked body", (context, _) => LargeBodyAsync(context, chunked: true), 3, "16 MiB"),
        new("a 10 MB identifier", (context, request) => Resources(context, request, status: "available", member: new string('a', LargeValueChars)), 3, "more than the 16,384"),
    ];

    public static HostileCase Case(string name) => Cases.Single(candidate => candidate.Name == name);

    /// <summary><paramref name="text"/> as XML character data that parses back to exactly it, CRs included (XML turns a raw CR LF into LF).</summary>
    public static string XmlText(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("\r", "&#13;", StringComparison.Ordinal);

    /// <summary>m1 → m2 → m3 → m1 …: no marker repeats the one just sent, yet the pages never end.</summary>
    public static string NextInCycle(string? marker) => marker switch
    {
        null or "m3" => "m1",
        "m1" => "m2",
        _ => "m3",
    };

    /// <summary>A Describe page of no records with <paramref name="marker"/>, whatever was asked.</summary>
    public static Task EmptyPage(HttpContext context, RecordedRequest request, string marker)
    {
        var action = request.Action ?? "DescribeDBClusters";
        var list = action["Describe".Length..];
        return RdsReplies.Success(context, action, $"<Marker>{marker}</Marker><{list}/>");
    }

    /// <summary>
    /// The learner's cluster (with <paramref name="status"/> and a writer named <paramref name="member"/>), its instance,
    /// its manual snapshot claiming to be of cluster <paramref name="member"/> with <paramref name="status"/>, and that
    /// snapshot shared with an "account" named <paramref name="status"/>.
    /// </summary>
    public static Task Resources(HttpContext context, RecordedRequest request, string status, string member)
    {
        var result = request.Action switch
        {
            "DescribeDBClusters" =>
                $"<DBClusters><DBCluster><DBClusterIdentifier>aurora-{Learner}-cluster</DBClusterIdentifier><Status>{status}</Status>"
                + $"<DBClusterMembers><DBClusterMember><DBInstanceIdentifier>{member}</DBInstanceIdentifier><IsClusterWriter>true</IsClusterWriter></DBClusterMember></DBClusterMembers>"
                + $"<PreferredBackupWindow>07:10-07:40</PreferredBackupWindow></DBCluster></DBClusters>",
            "DescribeDBInstances" =>
                $"<DBInstances><DBInstance><DBInstanceIdentifier>{member}</DBInstanceIdentifier><DBInstanceStatus>{status}</DBInstanceStatus></DBInstance></DBInstances>",
            "DescribeDBClusterSnapshotAttributes" =>
                $"<DBClusterSnapshotAttributesResult><DBClusterSnapshotIdentifier>aurora-{Learner}-snap1</DBClusterSnapshotIdentifier><DBClusterSnapshotAttributes>"
                + $"<DBClusterSnapshotAttribute><AttributeName>restore</AttributeName><AttributeValues><AttributeValue>{status}</AttributeValue></AttributeValues></DBClusterSnapshotAttribute>"
                + "</DBClusterSnapshotAttributes></DBClusterSnapshotAttributesResult>",
            _ =>
                $"<DBClusterSnapshots><DBClusterSnapshot><DBClusterSnapshotIdentifier>aurora-{Learner}-snap1</DBClusterSnapshotIdentifier>"
                + $"<DBClusterIdentifier>{member}</DBClusterIdentifier><SnapshotType>manual</SnapshotType><Status>{status}</Status></DBClusterSnapshot></DBClusterSnapshots>",
        };
        return RdsReplies.Success(context, request.Action ?? "DescribeDBClusters", result);
    }

    /// <summary><see cref="LargeBodyBytes"/> of XML-looking text, announced up front or chunked; stops quietly when the client hangs up.</summary>
    public static async Task LargeBodyAsync(HttpContext context, bool chunked)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/xml";
        if (!chunked)
            context.Response.ContentLength = LargeBodyBytes;
        var chunk = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("<DBCluster>", 1024 * 1024 / "<DBCluster>".Length + 1)))[..(1024 * 1024)];
        try
        {
            for (var sent = 0; sent < LargeBodyBytes; sent += chunk.Length)
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
        }
        catch (Exception hungUp) when (hungUp is OperationCanceledException or IOException)
        {
            // the client stopped reading, as it should
        }
    }
}
