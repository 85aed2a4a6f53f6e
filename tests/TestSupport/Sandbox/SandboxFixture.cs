using Amazon.Runtime;
using System.Xml.Linq;
using LabRunner.Content.Kinds;
using LabRunner.Content.Learners;
using LabRunner.Content.Model;
using LabRunner.Content.Templates;
using LabRunner.Engine.Plans;
using LabRunner.Engine.Specs;
using LabRunner.Rds;
using LabRunner.Sandbox;
using LabRunner.Sandbox.Seeding;
using Microsoft.Extensions.Time.Testing;

namespace LabRunner.TestSupport.Sandbox;

/// <summary>
/// An in-process sandbox on a free loopback port, on a <see cref="FakeTimeProvider"/> the test moves by hand, with a
/// raw Query-API caller for asserting on RDS's XML. Dispose it to stop the sandbox.
/// </summary>
public sealed class SandboxFixture : IAsyncDisposable
{
    /// <summary>A Monday, so maintenance-window arithmetic in tests is easy to follow.</summary>
    public static readonly DateTimeOffset Epoch = new(2025, 3, 3, 10, 0, 0, TimeSpan.Zero);

    private SandboxFixture(SandboxHost host, FakeTimeProvider time)
    {
        Host = host;
        Time = time;
        Http = new HttpClient { BaseAddress = host.Uri };
    }

    public SandboxHost Host { get; }
    public FakeTimeProvider Time { get; }
    public HttpClient Http { get; }
    public Uri Uri => Host.Uri;

    /// <param name="configure">Adjusts the options; the port is free and the clock is <see cref="Time"/> unless it changes them.</param>
    /// <param name="startAt">Where <see cref="Time"/> starts (default <see cref="Epoch"/>); now, for clients that sign with the real clock.</param>
    public static async Task<SandboxFixture> StartAsync(Func<SandboxOptions, SandboxOptions>? configure = null, DateTimeOffset? startAt = null)
    {
        var time = new FakeTimeProvider(startAt ?? Epoch);
        var options = new SandboxOptions { Port = 0, TimeProvider = time };
        var host = await SandboxHost.StartAsync(configure is null ? options : configure(options));
        return new SandboxFixture(host, time);
    }

    /// <summary>POSTs one Query-API action, form-encoded as botocore does, and parses the XML answer.</summary>
    public async Task<QueryResult> CallAsync(string action, params (string Name, string Value)[] parameters)
    {
        var form = new List<KeyValuePair<string, string>> { new("Action", action), new("Version", "2014-10-31") };
        form.AddRange(parameters.Select(parameter => KeyValuePair.Create(parameter.Name, parameter.Value)));
        using var response = await Http.PostAsync("/", new FormUrlEncodedContent(form));
        return await QueryResult.ReadAsync(response);
    }

    /// <summary>
    /// POSTs <paramref name="body"/> as it was signed: <paramref name="signedHeaders"/> as a signer returned them (e.g.
    /// <see cref="Python.BotocoreSigner"/>), then <paramref name="extraHeaders"/>.
    /// </summary>
    public async Task<QueryResult> PostSignedAsync(string body, IReadOnlyDictionary<string, string> signedHeaders, params (string Name, string Value)[] extraHeaders)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Uri) { Content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(body)) };
        foreach (var (name, value) in signedHeaders.Select(pair => (pair.Key, pair.Value)).Concat(extraHeaders))
        {
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
                request.Content.Headers.TryAddWithoutValidation(name, value);
            else
                request.Headers.TryAddWithoutValidation(name, value);
        }
        using var response = await Http.SendAsync(request);
        return await QueryResult.ReadAsync(response);
    }

    /// <summary>GETs <paramref name="url"/> as it is, e.g. a presigned one.</summary>
    public async Task<QueryResult> GetAsync(Uri url)
    {
        using var response = await Http.GetAsync(url);
        return await QueryResult.ReadAsync(response);
    }

    /// <summary>An RDS client of this sandbox that signs with <paramref name="accessKeyId"/>, on its clock, never retrying.</summary>
    public Task<RdsQueryClient> ClientSigningWithAsync(string accessKeyId, string secret) =>
        RdsClientFactory.CreateAsync(new RdsClientOptions
        {
            Endpoint = Uri,
            Region = "us-east-1",
            Credentials = new BasicAWSCredentials(accessKeyId, secret),
            TimeProvider = Time,
            MaxAttempts = 1,
        });

    /// <summary>Seeds one learner's <c>db-cluster</c> fixture with its writer instance.</summary>
    public SeedResult SeedCluster(string cluster, string? writer = null, string backupWindow = "07:10-07:40", string maintenanceWindow = "sun:09:00-sun:09:30", int retention = 1) =>
        Host.Seed(Fixtures.Bound([Fixtures.DbCluster(("cluster", cluster), ("writer-instance", writer ?? cluster + "-instance-1"),
            ("backup-window", backupWindow), ("maintenance-window", maintenanceWindow), ("retention", retention.ToString(System.Globalization.CultureInfo.InvariantCulture)))],
            new PlaceholderValues([])));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }
}

/// <summary>Fixture specs as a lab's <c>fixtures</c> list would hold them, for tests, and as the sandbox receives them.</summary>
public static class Fixtures
{
    /// <summary>Each spec bound for <paramref name="values"/> as the engine binds a lab's fixtures, then handed over as the sandbox target hands them.</summary>
    /// <exception cref="LabSpecException">A spec does not bind.</exception>
    public static IReadOnlyList<SeedSpec> Bound(IEnumerable<KindSpec> specs, PlaceholderValues values) =>
        specs.Select(spec => Bound(spec, values)).ToList();

    /// <summary>A plan's fixtures as the sandbox target hands them over.</summary>
    public static IReadOnlyList<SeedSpec> Of(LabPlan plan) => plan.Fixtures.Select(Seed).ToList();

    private static SeedSpec Bound(KindSpec spec, PlaceholderValues values)
    {
        var binding = SpecBinding.Bind(spec, KindRole.Fixture, values);
        return binding.Spec is { } bound ? Seed(bound) : throw new LabSpecException(spec.Location, string.Join("; ", binding.Problems));
    }

    private static SeedSpec Seed(BoundSpec bound) => new(bound.Kind.Name, bound.Values, bound.Location.ToString());

    public static KindSpec DbCluster(params (string Name, string Template)[] parameters) => Spec("db-cluster", parameters);

    public static KindSpec Spec(string kind, params (string Name, string Template)[] parameters) =>
        new(kind,
            parameters.Select((parameter, index) => (parameter, index)).ToDictionary(
                item => item.parameter.Name,
                item => new SpecValue(TemplateParser.Parse(item.parameter.Template), new SourceSpan("lab.yaml", 10 + item.index, 7))),
            new SourceSpan("lab.yaml", 9, 5));
}

/// <summary>An answer from the Query API: its HTTP status and XML, with helpers for RDS's shapes.</summary>
public sealed record QueryResult(int Status, XDocument Xml, string Body)
{
    public static readonly XNamespace Rds = "http://rds.amazonaws.com/doc/2014-10-31/";

    public static async Task<QueryResult> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return new QueryResult((int)response.StatusCode, XDocument.Parse(body), body);
    }

    public XElement Root => Xml.Root!;

    /// <summary>The Result element of a success, e.g. <c>DescribeDBClustersResult</c>.</summary>
    public XElement Result => Root.Elements().First(element => element.Name.LocalName.EndsWith("Result", StringComparison.Ordinal));

    public string? ErrorCode => Root.Element(Rds + "Error")?.Element(Rds + "Code")?.Value;
    public string? ErrorMessage => Root.Element(Rds + "Error")?.Element(Rds + "Message")?.Value;
    public string? ErrorType => Root.Element(Rds + "Error")?.Element(Rds + "Type")?.Value;

    /// <summary>Members of a wrapped list in the result, e.g. <c>Members("DBClusterSnapshots", "DBClusterSnapshot")</c>.</summary>
    public IReadOnlyList<XElement> Members(string listName, string memberName) =>
        Result.Element(Rds + listName)?.Elements(Rds + memberName).ToList() ?? [];

    public string? Marker => Result.Element(Rds + "Marker")?.Value;
}

public static class RdsXml
{
    /// <summary>The text of a child element in RDS's namespace, or null.</summary>
    public static string? Field(this XElement element, string name) => element.Element(QueryResult.Rds + name)?.Value;
}
