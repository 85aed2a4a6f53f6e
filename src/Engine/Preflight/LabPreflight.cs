using LabRunner.Content.Model;
using LabRunner.Content.Text;
using LabRunner.Engine.Class;
using LabRunner.Engine.Plans;
using LabRunner.Engine.State;
using LabRunner.Engine.State.Kinds;
using LabRunner.Engine.Targets;
using LabRunner.Rds;

namespace LabRunner.Engine.Preflight;

/// <summary>
/// Before step 1: the credentials' source, the account, the region, the clock against the endpoint's, whether RDS
/// answers, and whether the learner's starting resources are there; a missing cluster is explained from what the
/// region holds (a near name, another learner's name pattern) and, when asked, from other regions. Reads only.
/// </summary>
/// <param name="clockSkew">The endpoint's clock minus ours, once an answer carried a <c>Date</c>.</param>
/// <param name="otherRegions">Readers for other regions, asked only when the learner's cluster is missing here.</param>
public sealed class LabPreflight(LabPlan plan, IRdsReadApi rds, TargetInfo target, Func<TimeSpan?> clockSkew, IReadOnlyDictionary<string, IRdsReadApi>? otherRegions = null)
{
    /// <summary>AWS refuses requests signed further than this from its clock.</summary>
    public static readonly TimeSpan SigningTolerance = TimeSpan.FromMinutes(15);

    private static readonly TimeSpan ClockWarning = TimeSpan.FromMinutes(1);

    /// <summary>Fixture parameters that name a learner's starting resource, and its kind.</summary>
    private static readonly Dictionary<string, ResourceKind> StartingResourceParameters = new(StringComparer.Ordinal)
    {
        ["cluster"] = ResourceKind.Cluster,
        ["writer-instance"] = ResourceKind.Instance,
    };

    public async Task<PreflightReport> RunAsync(CancellationToken cancellationToken = default)
    {
        var checks = new List<PreflightCheck>
        {
            new("credentials", PreflightStatus.Ok, target.Kind == TargetKind.Sandbox ? "the sandbox's own" : target.CredentialSource ?? "explicit"),
            Account(),
            new("region", PreflightStatus.Ok, target.Region ?? "(none)"),
        };
        var wanted = StartingResources();
        var query = new StateQuery();
        foreach (var (kind, identifier) in wanted)
            query.Want(kind, identifier);
        var state = await new StateReader(rds, TimeProvider.System).ReadAsync(query.Kinds.Any() ? query : StateQuery.Everything(ResourceKind.Cluster), cancellationToken);
        checks.Add(Clock());
        if (state.Failures.Values.FirstOrDefault() is { } failure)
        {
            checks.Add(new("RDS", PreflightStatus.TargetProblem, Unreachable(failure)));
            return new PreflightReport(checks, ApiActions());
        }
        checks.Add(new("RDS", PreflightStatus.Ok, $"answers at {target.Endpoint}"));
        foreach (var (kind, identifier) in wanted)
            checks.Add(await ResourceAsync(state, kind, identifier, cancellationToken));
        return new PreflightReport(checks, ApiActions());
    }

    private PreflightCheck Account()
    {
        if (target.Kind == TargetKind.Sandbox)
            return new("account", PreflightStatus.Ok, "none: the sandbox is local practice");
        if (target.Identity is not { } identity)
            return new("account", target.IsAmazon ? PreflightStatus.Warning : PreflightStatus.Ok,
                target.IsAmazon ? "STS did not say whose account this is" : "not asked: this endpoint is a stand-in with no STS endpoint set (AWS_ENDPOINT_URL_STS)");
        return identity.ExpiryWarning(DateTimeOffset.UtcNow) is { } expiring
            ? new("account", PreflightStatus.Warning, $"{target.AccountText}; {expiring}")
            : new("account", PreflightStatus.Ok, target.AccountText!);
    }

    private PreflightCheck Clock()
    {
        if (clockSkew() is not { } skew)
            return new("clock", PreflightStatus.Warning, "the endpoint sent no Date: the clock could not be compared");
        var off = skew.Duration();
        var direction = skew > TimeSpan.Zero ? "behind" : "ahead of";
        var text = $"yours is {Minutes(off)} {direction} the endpoint's";
        if (off >= SigningTolerance)
            return new("clock", PreflightStatus.TargetProblem, $"{text}: AWS refuses requests signed more than 15 minutes off; set your clock (e.g. 'sudo timedatectl set-ntp true')");
        return off >= ClockWarning
            ? new("clock", PreflightStatus.Warning, $"{text}; AWS allows 15 minutes: set your clock before it drifts further")
            : new("clock", PreflightStatus.Ok, "within a minute of the endpoint's");
    }

    private static string Minutes(TimeSpan off) =>
        off < TimeSpan.FromMinutes(2) ? $"{(int)off.TotalSeconds} seconds" : $"{(int)Math.Round(off.TotalMinutes)} minutes";

    private string Unreachable(RdsException failure) => failure.Kind switch
    {
        RdsErrorKind.Transport => $"cannot reach {target.Endpoint}: {failure.Message}",
        RdsErrorKind.AccessDenied => $"{failure.Message} (check your permissions for the actions below)",
        _ => failure.Message,
    };

    private IReadOnlyList<(ResourceKind Kind, string Identifier)> StartingResources() =>
        plan.Lab.Fixtures
            .SelectMany(fixture => fixture.Parameters)
            .Where(parameter => StartingResourceParameters.ContainsKey(parameter.Key))
            .Select(parameter => (StartingResourceParameters[parameter.Key], RdsIdentifier.Normalize(plan.Learner.Values.RenderLenient(parameter.Value.Value))))
            .Distinct()
            .ToList();

    private async Task<PreflightCheck> ResourceAsync(StateSnapshot state, ResourceKind kind, string identifier, CancellationToken cancellationToken)
    {
        var subject = kind == ResourceKind.Cluster ? "cluster" : "instance";
        if (Exists(state, kind, identifier))
            return new(subject, PreflightStatus.Ok, $"{identifier} is there");
        if (kind != ResourceKind.Cluster)
            return new(subject, PreflightStatus.Problem, $"no instance {identifier} in {target.Region}");
        var elsewhere = await RegionHoldingAsync(identifier, cancellationToken);
        if (elsewhere is not null)
            return new(subject, PreflightStatus.Problem, $"your cluster {identifier} is in {elsewhere}, not {target.Region}: run with --region {elsewhere}");
        return new(subject, PreflightStatus.Problem, await MissingClusterAsync(identifier, cancellationToken));
    }

    private static bool Exists(StateSnapshot state, ResourceKind kind, string identifier) =>
        state.Resources(kind).ContainsKey(identifier.ToLowerInvariant());

    /// <summary>"no cluster aurora-bob-cluster in eu-west-1; in this region: aurora-bobby-cluster — is your name bobby?"</summary>
    private async Task<string> MissingClusterAsync(string identifier, CancellationToken cancellationToken)
    {
        var all = await new StateReader(rds, TimeProvider.System).ReadAsync(StateQuery.Everything(ResourceKind.Cluster), cancellationToken);
        var names = all.Clusters.Select(cluster => Echo.Of(RdsIdentifier.Normalize(cluster.DBClusterIdentifier))).Order(StringComparer.Ordinal).ToList();
        var missing = $"no cluster {identifier} in {target.Region}";
        if (names.Count == 0)
            return $"{missing}, nor any other cluster: is this the account and region your instructor gave you?";
        var closest = DidYouMean.Closest(identifier, names);
        var shown = (closest is null ? names : names.Where(name => name != closest).Prepend(closest)).Take(5).ToList();
        var more = names.Count > shown.Count ? $" and {names.Count - shown.Count} more" : "";
        var guess = closest is not null && NameIn(closest) is { } name ? $" — is your name {name}?" : "";
        return $"{missing}; in this region: {string.Join(", ", shown)}{more}{guess}";
    }

    /// <summary>The learner's name variable as <paramref name="identifier"/> would give it, through the cluster's template.</summary>
    private string? NameIn(string identifier)
    {
        var values = plan.Lab.Resources.Select(ResourceNamePattern.For).OfType<ResourceNamePattern>()
            .Select(pattern => pattern.Match(identifier)).OfType<IReadOnlyDictionary<string, string>>().FirstOrDefault();
        return values is null ? null : string.Join(", ", plan.Lab.NameVariables.Select(variable => values.GetValueOrDefault(variable.Name)).OfType<string>());
    }

    private async Task<string?> RegionHoldingAsync(string identifier, CancellationToken cancellationToken)
    {
        var reads = (otherRegions ?? new Dictionary<string, IRdsReadApi>()).Select(async pair =>
        {
            var state = await new StateReader(pair.Value, TimeProvider.System).ReadAsync(new StateQuery().Want(ResourceKind.Cluster, identifier), cancellationToken);
            return Exists(state, ResourceKind.Cluster, identifier) ? pair.Key : null;
        });
        return (await Task.WhenAll(reads)).OfType<string>().Order(StringComparer.Ordinal).FirstOrDefault();
    }

    private IReadOnlyList<(string Purpose, IReadOnlyList<string> Actions)> ApiActions() =>
    [
        ("checks", plan.Query().Kinds.Select(kind => StateKinds.Of(kind).DescribeAction).Order(StringComparer.Ordinal).ToList()),
        ("perform", plan.Steps.Select(step => step.Perform).OfType<Actions.IAction>().SelectMany(action => action.ApiActions).Distinct().Order(StringComparer.Ordinal).ToList()),
        ("cleanup", plan.Cleanup.SelectMany(action => action.ApiActions).Distinct().Order(StringComparer.Ordinal).ToList()),
    ];
}
