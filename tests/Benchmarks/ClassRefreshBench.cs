using System.Diagnostics;
using System.Globalization;
using LabRunner.Content.Loading;
using LabRunner.Content.Model;
using LabRunner.Engine.Checks;
using LabRunner.Engine.Class;
using LabRunner.Rds;
using LabRunner.Sandbox;
using LabRunner.TestSupport;
using LabRunner.TestSupport.Class;
using LabRunner.TestSupport.Http;
using LabRunner.TestSupport.Peers;
using Microsoft.Extensions.Time.Testing;

namespace LabRunner.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/Benchmarks -- class-refresh [learners] [latency-ms] [runs]</c>: a sandbox
/// seeded with a class of aurora-backup learners at mixed stages, read through a counting HTTP proxy that adds a latency
/// to every request (<see cref="CountingProxy"/>, as a slow LAN between instructor and sandbox); then one
/// full class refresh (the whole-account read, every learner judged) side by side with a naive loop of per-learner
/// checks (one <c>labrunner check</c> evaluation each). Prints HTTP requests and wall time for both, and the targets:
/// at most 3·⌈N/100⌉+3 requests (counted by the client and at the proxy), under 2 s, at least 50× fewer requests than the naive loop.
/// Wall time is measured, not asserted: this is a report, not a test.
/// </summary>
public static class ClassRefreshBench
{
    private static readonly LearnerStage[] Stages = Enum.GetValues<LearnerStage>().Where(stage => stage != LearnerStage.SnapshotOfAnotherCluster).ToArray();

    public static async Task<int> RunAsync(string[] args)
    {
        var learners = Argument(args, 0, 500);
        var latency = TimeSpan.FromMilliseconds(Argument(args, 1, 50));
        var runs = Argument(args, 2, 5);
        var lab = LabLoader.Load(Repository.PathOf("labs", "aurora-backup")).Lab!;
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var snapshotDuration = TimeSpan.FromMinutes(5);
        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions
        {
            TimeProvider = time,
            SnapshotDuration = snapshotDuration,
            ManualSnapshotQuota = learners * 2,
        });
        using var direct = await PeerClients.CreateClientAsync(sandbox.Uri);

        var seeded = Enumerable.Range(1, learners).Select(index => new SeededLearner($"learner{index:000}", Stages[index % Stages.Length])).ToList();
        await ClassSeeding.SeedAsync(sandbox, time, snapshotDuration, direct, lab, seeded);
        await using var proxy = await CountingProxy.StartAsync(latency);
        using var proxyHandler = proxy.NewClientHandler();
        using var client = await PeerClients.CreateClientAsync(sandbox.Uri, options => options with { HttpMessageHandler = proxyHandler });
        Console.WriteLine($"{learners} learners ({string.Join(", ", seeded.GroupBy(learner => learner.Stage).Select(group => $"{group.Count()} {group.Key}"))}), {latency.TotalMilliseconds} ms latency per request");

        var room = new ClassRoom(lab, [], discover: true, new ReadOnlyRdsApi(client), CheckKinds.Default, time);
        var refreshes = new List<(long Requests, TimeSpan Wall, int Rows)>();
        var proxied = new List<long>();
        for (var run = 0; run < runs; run++)
        {
            var before = proxy.Requests;
            refreshes.Add(await MeasureAsync(client, async () => (await room.RefreshAsync()).Rows.Count));
            proxied.Add(proxy.Requests - before);
        }
        var naive = await MeasureAsync(client, () => NaiveLoopAsync(sandbox, client, lab, seeded, time));

        var refresh = refreshes.OrderBy(measure => measure.Wall).ElementAt(refreshes.Count / 2);
        var budget = 3 * (int)Math.Ceiling(learners / 100.0) + 3;
        Console.WriteLine();
        Console.WriteLine("| | learners judged | HTTP requests | wall time |");
        Console.WriteLine("|---|---|---|---|");
        Console.WriteLine($"| class refresh (median of {runs}) | {refresh.Rows} | {refresh.Requests} | {Seconds(refresh.Wall)} |");
        Console.WriteLine($"| naive loop of per-learner checks | {naive.Rows} | {naive.Requests} | {Seconds(naive.Wall)} |");
        Console.WriteLine();
        Console.WriteLine($"class refresh runs: {string.Join(", ", refreshes.Select(measure => $"{measure.Requests} requests in {Seconds(measure.Wall)}"))}");
        Console.WriteLine($"requests: {refresh.Requests}, at the proxy {proxied.Max()} at most per refresh (target at most {budget}: {Verdict(Math.Max(refresh.Requests, proxied.Max()) <= budget)})");
        Console.WriteLine($"wall time: {Seconds(refresh.Wall)} (target under 2 s: {Verdict(refresh.Wall < TimeSpan.FromSeconds(2))})");
        var ratio = naive.Requests / (double)refresh.Requests;
        Console.WriteLine($"naive/class requests: {ratio.ToString("0.#", CultureInfo.InvariantCulture)}x (target at least 50x: {Verdict(ratio >= 50)})");
        return 0;
    }

    private static async Task<int> NaiveLoopAsync(SandboxHost sandbox, IRdsApi client, Lab lab, IReadOnlyList<SeededLearner> learners, TimeProvider time)
    {
        foreach (var learner in learners)
            await ClassSeeding.Session(sandbox, client, lab, learner.Name, time).CheckAllAsync();
        return learners.Count;
    }

    private static async Task<(long Requests, TimeSpan Wall, int Rows)> MeasureAsync(RdsQueryClient client, Func<Task<int>> work)
    {
        var before = client.Stats.Attempts;
        var clock = Stopwatch.StartNew();
        var rows = await work();
        return (client.Stats.Attempts - before, clock.Elapsed, rows);
    }

    private static int Argument(string[] args, int index, int fallback) =>
        args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;

    private static string Seconds(TimeSpan wall) => $"{wall.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture)} s";

    private static string Verdict(bool met) => met ? "met" : "NOT met";
}
