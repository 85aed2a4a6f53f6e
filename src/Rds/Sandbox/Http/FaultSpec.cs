using System.Globalization;

namespace LabRunner.Sandbox.Http;

/// <summary>
/// Injected failures, for testing clients' retries and error paths. Written as comma-separated <c>name=value</c>
/// pairs, e.g. <c>throttle=0.2,error500=0.1,drop=0.05,latency=50ms,seed=7</c>:
/// <list type="bullet">
/// <item><c>throttle</c>, <c>error500</c>, <c>drop</c>: the share of requests (0 to 1, together at most 1) answered with RDS's
/// <c>Throttling</c> error (HTTP 400), an <c>InternalFailure</c> (HTTP 500), or a dropped connection.</item>
/// <item><c>latency</c>: added before every answer, in <c>ms</c> or <c>s</c> (real time, not the sandbox's clock).</item>
/// <item><c>seed</c>: makes the sequence of injected faults reproducible.</item>
/// </list>
/// </summary>
public sealed record FaultSpec(double Throttle = 0, double Error500 = 0, double Drop = 0, TimeSpan Latency = default, int? Seed = null)
{
    public static readonly FaultSpec None = new();

    public bool IsNone => Throttle == 0 && Error500 == 0 && Drop == 0 && Latency == TimeSpan.Zero;

    /// <exception cref="FormatException">The message names the part that is wrong and what is expected.</exception>
    public static FaultSpec Parse(string text)
    {
        var spec = None;
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pair.Length != 2)
                throw new FormatException($"'{part}' is not name=value (expected e.g. throttle=0.2,error500=0.1,drop=0.05,latency=50ms,seed=7)");
            var (name, value) = (pair[0].ToLowerInvariant(), pair[1]);
            spec = name switch
            {
                "throttle" => spec with { Throttle = Rate(name, value) },
                "error500" => spec with { Error500 = Rate(name, value) },
                "drop" => spec with { Drop = Rate(name, value) },
                "latency" => spec with { Latency = Duration(name, value) },
                "seed" => spec with { Seed = int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seed) ? seed : throw new FormatException($"seed '{value}' is not an integer") },
                _ => throw new FormatException($"unknown fault '{pair[0]}' (known: throttle, error500, drop, latency, seed)"),
            };
        }
        if (spec.Throttle + spec.Error500 + spec.Drop > 1)
            throw new FormatException($"throttle, error500 and drop add up to {spec.Throttle + spec.Error500 + spec.Drop}, more than 1");
        return spec;
    }

    public override string ToString()
    {
        var parts = new List<string>();
        if (Throttle > 0) parts.Add(FormattableString.Invariant($"throttle={Throttle}"));
        if (Error500 > 0) parts.Add(FormattableString.Invariant($"error500={Error500}"));
        if (Drop > 0) parts.Add(FormattableString.Invariant($"drop={Drop}"));
        if (Latency > TimeSpan.Zero) parts.Add(FormattableString.Invariant($"latency={Latency.TotalMilliseconds}ms"));
        if (Seed is { } seed) parts.Add(FormattableString.Invariant($"seed={seed}"));
        return parts.Count == 0 ? "none" : string.Join(',', parts);
    }

    private static double Rate(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) && rate is >= 0 and <= 1
            ? rate
            : throw new FormatException($"{name} '{value}' is not a rate between 0 and 1");

    private static TimeSpan Duration(string name, string value)
    {
        var (number, unit) = value.EndsWith("ms", StringComparison.OrdinalIgnoreCase) ? (value[..^2], 1.0)
            : value.EndsWith('s') ? (value[..^1], 1000.0)
            : (value, double.NaN);
        if (double.IsNaN(unit) || !double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) || amount < 0)
            throw new FormatException($"{name} '{value}' is not a duration such as 50ms or 1.5s");
        return TimeSpan.FromMilliseconds(amount * unit);
    }
}

/// <summary>What the fault injector decided for one request.</summary>
public enum InjectedFault { None, Throttle, Error500, Drop }

/// <summary>Draws a fault per request from a <see cref="FaultSpec"/>; thread-safe, reproducible when the spec has a seed.</summary>
public sealed class FaultInjector
{
    private readonly Lock gate = new();
    private FaultSpec spec = FaultSpec.None;
    private Random random = new();

    public FaultInjector(FaultSpec spec) => Spec = spec;

    public FaultSpec Spec
    {
        get { lock (gate) return spec; }
        set
        {
            lock (gate)
            {
                spec = value;
                random = value.Seed is { } seed ? new Random(seed) : new Random();
            }
        }
    }

    public (InjectedFault Fault, TimeSpan Latency) Next()
    {
        lock (gate)
        {
            if (spec.IsNone)
                return (InjectedFault.None, TimeSpan.Zero);
            var draw = random.NextDouble();
            var fault = draw < spec.Throttle ? InjectedFault.Throttle
                : draw < spec.Throttle + spec.Error500 ? InjectedFault.Error500
                : draw < spec.Throttle + spec.Error500 + spec.Drop ? InjectedFault.Drop
                : InjectedFault.None;
            return (fault, spec.Latency);
        }
    }
}
