using LabRunner.Content.Model;
using LabRunner.Content.Templates;
using LabRunner.Sandbox.Operations;
using LabRunner.Sandbox.Protocol;
using LabRunner.Sandbox.State;

namespace LabRunner.Sandbox.Seeding;

/// <summary>What one seeding did: the identifiers it created, and those that already existed and were left alone.</summary>
public sealed record SeedResult(IReadOnlyList<string> Created, IReadOnlyList<string> Kept)
{
    public static readonly SeedResult Empty = new([], []);

    public SeedResult Plus(SeedResult other) => new([.. Created, .. other.Created], [.. Kept, .. other.Kept]);
}

/// <summary>A fixture that cannot be seeded; the message starts with the lab file position of the spec or parameter at fault.</summary>
public sealed class FixtureException(SourceSpan location, string problem) : Exception($"{location}: {problem}")
{
    public SourceSpan Location { get; } = location;
}

/// <summary>
/// Creates a learner's fixtures from the lab's <c>fixtures</c> specs. Kind <c>db-cluster</c>: parameters <c>cluster</c>
/// (required), <c>writer-instance</c>, <c>engine</c>, <c>engine-version</c>, <c>instance-class</c>, <c>backup-window</c>,
/// <c>maintenance-window</c>, <c>retention</c>; values are templates over the learner's placeholder values.
/// Seeding is idempotent: a resource that already exists is kept as it is, so a learner's changes survive.
/// Seeded resources look settled: created a day ago, available, with a finished automated backup.
/// </summary>
public sealed class FixtureSeeder(SandboxServices services)
{
    public const string ClusterKind = "db-cluster";
    public const string DefaultEngine = "aurora-mysql";
    public const string DefaultInstanceClass = "db.r6g.large";
    private static readonly TimeSpan SeededAge = TimeSpan.FromDays(1);

    private static readonly HashSet<string> ClusterParameters = new(StringComparer.Ordinal)
    {
        "cluster", "writer-instance", "engine", "engine-version", "instance-class", "backup-window", "maintenance-window", "retention",
    };

    /// <exception cref="FixtureException">A spec of an unknown kind, an unknown or unfillable parameter, or a value RDS would refuse. Nothing is created then.</exception>
    public SeedResult Seed(IEnumerable<KindSpec> fixtures, PlaceholderValues values)
    {
        var plans = fixtures.Select(spec => Plan(spec, values)).ToList();
        return services.State.Write(resources => plans.Aggregate(SeedResult.Empty, (result, plan) => result.Plus(Apply(resources, plan))));
    }

    private sealed record FixturePlan(ClusterRecord Cluster, InstanceSettings? Writer);

    /// <summary>Creates what is missing. A writer joins the cluster as it stands, so its engine is the existing cluster's.</summary>
    private SeedResult Apply(SandboxState.Resources resources, FixturePlan plan)
    {
        var created = new List<string>();
        var kept = new List<string>();
        if (resources.Clusters.TryGetValue(plan.Cluster.Id, out var existing))
            kept.Add(existing.Id);
        else
        {
            services.Provisioning.AddCluster(resources, plan.Cluster);
            created.Add(plan.Cluster.Id);
        }
        if (plan.Writer is { } writer)
        {
            if (resources.Instances.ContainsKey(writer.Id))
                kept.Add(writer.Id);
            else
            {
                var cluster = resources.Clusters[plan.Cluster.Id];
                services.Provisioning.AddInstance(resources, writer with { Engine = cluster.Engine }, cluster.CreatedAt, cluster.AvailableAt);
                created.Add(writer.Id);
            }
        }
        return new SeedResult(created, kept);
    }

    /// <summary>Renders and validates one spec before anything is written, so a bad spec leaves the state untouched.</summary>
    private FixturePlan Plan(KindSpec spec, PlaceholderValues values)
    {
        if (spec.Kind != ClusterKind)
            throw new FixtureException(spec.Location, $"unknown fixture kind '{spec.Kind}'; the sandbox seeds '{ClusterKind}'");
        var unknown = spec.Parameters.Keys.FirstOrDefault(name => !ClusterParameters.Contains(name));
        if (unknown is not null)
            throw new FixtureException(spec.Parameters[unknown].Location, $"fixture '{ClusterKind}' has no parameter '{unknown}' (known: {string.Join(", ", ClusterParameters)})");
        var clusterId = Identifier(spec, "cluster", values) ?? throw new FixtureException(spec.Location, $"fixture '{ClusterKind}' needs a 'cluster' parameter");
        var engine = Render(spec, "engine", values) ?? DefaultEngine;
        var now = services.Options.TimeProvider.GetUtcNow();
        var createdAt = now - SeededAge;
        var settings = new ClusterSettings(clusterId, engine)
        {
            EngineVersion = Render(spec, "engine-version", values),
            PreferredBackupWindow = Render(spec, "backup-window", values),
            PreferredMaintenanceWindow = Render(spec, "maintenance-window", values),
            BackupRetentionPeriod = Retention(spec, values),
        };
        var cluster = Located(spec.Location, () => settings.Build(createdAt, createdAt + services.Options.ProvisioningDuration));
        var writerId = Identifier(spec, "writer-instance", values);
        var instanceClass = Render(spec, "instance-class", values) ?? DefaultInstanceClass;
        if (!instanceClass.StartsWith("db.", StringComparison.Ordinal))
            throw new FixtureException(spec.Get("instance-class")!.Location, $"parameter 'instance-class' is '{instanceClass}', not a DB instance class such as {DefaultInstanceClass}");
        var writer = writerId is null ? null : new InstanceSettings(writerId, instanceClass, cluster.Engine) { ClusterId = clusterId };
        return new FixturePlan(cluster, writer);
    }

    private static string? Render(KindSpec spec, string name, PlaceholderValues values)
    {
        if (spec.Get(name) is not { } value)
            return null;
        try
        {
            return values.Render(value.Value);
        }
        catch (UndefinedPlaceholderException exception)
        {
            throw new FixtureException(value.Location, $"parameter '{name}': {exception.Message}");
        }
    }

    private static string? Identifier(KindSpec spec, string name, PlaceholderValues values)
    {
        if (Render(spec, name, values) is not { } identifier)
            return null;
        return RdsIdentifier.Problem(identifier) is { } problem
            ? throw new FixtureException(spec.Get(name)!.Location, $"parameter '{name}' is '{identifier}', not a valid RDS identifier: {problem}")
            : RdsIdentifier.Normalize(identifier);
    }

    private static int? Retention(KindSpec spec, PlaceholderValues values)
    {
        if (Render(spec, "retention", values) is not { } text)
            return null;
        return int.TryParse(text, out var days)
            ? days
            : throw new FixtureException(spec.Get("retention")!.Location, $"parameter 'retention' is '{text}', not a number of days");
    }

    private static T Located<T>(SourceSpan location, Func<T> build)
    {
        try
        {
            return build();
        }
        catch (RdsFault fault)
        {
            throw new FixtureException(location, fault.Message);
        }
    }
}
