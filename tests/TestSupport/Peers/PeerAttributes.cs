using System.Diagnostics;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace LabRunner.TestSupport.Peers;

/// <summary>A real program a test talks to, installed on the machine rather than shipped with the tests.</summary>
public enum RealPeer
{
    /// <summary>moto's server mode (python3 -m moto.server).</summary>
    Moto,
    /// <summary>boto3 and botocore for python3.</summary>
    Boto3,
    /// <summary>The AWS CLI (<c>aws</c>).</summary>
    AwsCli,
    /// <summary>tmux, the terminal the TUI's end-to-end tests type into.</summary>
    Tmux,
}

/// <summary>
/// Whether each peer is on this machine, probed once per test run. A test needing a missing peer is skipped with a
/// reason that says what to install, so <c>dotnet test</c> passes on a machine with only .NET; CI has every peer and
/// fails on any skip. <c>LABRUNNER_TEST_WITHOUT=moto,tmux</c> (or <c>all</c>) makes peers count as missing, to try that.
/// </summary>
public static class PeerAvailability
{
    public const string WithoutVariable = "LABRUNNER_TEST_WITHOUT";

    private static readonly Dictionary<RealPeer, Lazy<string?>> Missing = Enum.GetValues<RealPeer>().ToDictionary(peer => peer, peer => new Lazy<string?>(() => Probe(peer)));

    /// <summary>Why <paramref name="peer"/> cannot be used here, naming what to install; null when it can.</summary>
    public static string? MissingReason(RealPeer peer) => Missing[peer].Value;

    /// <summary>The skip reason for a test needing all of <paramref name="peers"/>, or null when every one is here.</summary>
    public static string? SkipReason(IEnumerable<RealPeer> peers)
    {
        var reasons = peers.Select(MissingReason).OfType<string>().ToList();
        return reasons.Count == 0 ? null : string.Join("; ", reasons);
    }

    private static string? Probe(RealPeer peer)
    {
        var (program, arguments, install) = peer switch
        {
            RealPeer.Moto => ("python3", new[] { "-c", "import moto.server" }, "moto's server (pip install 'moto[server]>=5.2')"),
            RealPeer.Boto3 => ("python3", new[] { "-c", "import boto3, botocore" }, "boto3 (pip install boto3)"),
            RealPeer.AwsCli => ("aws", new[] { "--version" }, "the AWS CLI (pip install awscli, or apt-get install awscli)"),
            RealPeer.Tmux => ("tmux", new[] { "-V" }, "tmux (apt-get install tmux)"),
            _ => throw new ArgumentOutOfRangeException(nameof(peer), peer, null),
        };
        var reason = $"needs {install}";
        if (ForcedMissing(peer))
            return $"{reason} ({WithoutVariable} counts it as missing)";
        return Runs(program, arguments) ? null : reason;
    }

    private static bool ForcedMissing(RealPeer peer)
    {
        var without = Environment.GetEnvironmentVariable(WithoutVariable) ?? "";
        return without.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(name => name.Equals("all", StringComparison.OrdinalIgnoreCase) || name.Equals(peer.ToString(), StringComparison.OrdinalIgnoreCase));
    }

    private static bool Runs(string program, string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            using var process = Process.Start(start);
            if (process is null)
                return false;
            process.StandardOutput.ReadToEndAsync();
            process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}

/// <summary>
/// A fact that needs real peers, named here and/or by <see cref="NeedsPeersAttribute"/> on the test class (so a shared
/// scenario base runs against the sandbox and skips against moto when moto is missing): skipped, naming what to install.
/// </summary>
[XunitTestCaseDiscoverer("LabRunner.TestSupport.Peers.PeerFactDiscoverer", "LabRunner.TestSupport")]
public sealed class PeerFactAttribute(params RealPeer[] peers) : FactAttribute
{
    public RealPeer[] Peers { get; } = peers;
}

/// <summary>A theory that needs real peers: skipped, naming what to install, when one is missing.</summary>
public sealed class PeerTheoryAttribute : TheoryAttribute
{
    public PeerTheoryAttribute(params RealPeer[] peers) => Skip = PeerAvailability.SkipReason(peers);
}

/// <summary>Every <see cref="PeerFactAttribute"/> test of this class needs these peers.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NeedsPeersAttribute(params RealPeer[] peers) : Attribute
{
    public RealPeer[] Peers { get; } = peers;
}

/// <summary>Finds <see cref="PeerFactAttribute"/> tests, skipped when a peer the method or its class needs is missing.</summary>
public sealed class PeerFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var peers = factAttribute.GetNamedArgument<RealPeer[]>(nameof(PeerFactAttribute.Peers))
            .Concat(testMethod.TestClass.Class.GetCustomAttributes(typeof(NeedsPeersAttribute)).SelectMany(needs => needs.GetNamedArgument<RealPeer[]>(nameof(NeedsPeersAttribute.Peers))));
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        yield return PeerAvailability.SkipReason(peers) is { } reason
            ? new PeerSkippedTestCase(diagnosticMessageSink, display, displayOptions, testMethod, reason)
            : new XunitTestCase(diagnosticMessageSink, display, displayOptions, testMethod);
    }
}

/// <summary>A test case skipped because a peer is missing; the reason travels with it to the runner.</summary>
public sealed class PeerSkippedTestCase : XunitTestCase
{
    private string reason = "";

    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public PeerSkippedTestCase()
    {
    }

    public PeerSkippedTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay display, TestMethodDisplayOptions displayOptions, ITestMethod testMethod, string reason)
        : base(diagnosticMessageSink, display, displayOptions, testMethod) => this.reason = reason;

    protected override string GetSkipReason(IAttributeInfo factAttribute) => reason;

    public override void Serialize(IXunitSerializationInfo data)
    {
        base.Serialize(data);
        data.AddValue(nameof(reason), reason);
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        reason = data.GetValue<string>(nameof(reason));
        base.Deserialize(data);
    }
}
