using LabRunner.Sandbox.Protocol;
using LabRunner.Sandbox.Rules;
using LabRunner.Sandbox.State;

namespace LabRunner.Sandbox.Operations;

/// <summary>
/// What a new cluster is asked to be, from CreateDBCluster or a lab fixture; <see cref="Build"/> applies RDS's rules
/// and defaults, so both paths validate alike.
/// </summary>
public sealed record ClusterSettings(string Id, string Engine)
{
    public const string DefaultBackupWindow = "07:10-07:40";
    public const string DefaultMaintenanceWindow = "sun:09:00-sun:09:30";

    public string? EngineVersion { get; init; }
    public string? PreferredBackupWindow { get; init; }
    public string? PreferredMaintenanceWindow { get; init; }
    public int? BackupRetentionPeriod { get; init; }
    public int? AllocatedStorage { get; init; }
    public int? Port { get; init; }
    public string? MasterUsername { get; init; }
    public string? DatabaseName { get; init; }
    public bool StorageEncrypted { get; init; }
    public bool DeletionProtection { get; init; }

    public ClusterRecord Build(DateTimeOffset createdAt, DateTimeOffset availableAt)
    {
        var engine = Engines.Validate(Engine);
        var backup = DailyWindow.Parse(PreferredBackupWindow ?? DefaultBackupWindow, "PreferredBackupWindow");
        var maintenance = WeeklyWindow.Parse(PreferredMaintenanceWindow ?? DefaultMaintenanceWindow, "PreferredMaintenanceWindow");
        WindowRules.EnsureNoOverlap(backup, maintenance);
        return new ClusterRecord
        {
            Id = Id,
            ResourceId = Naming.NewResourceId("cluster"),
            Engine = engine,
            EngineVersion = EngineVersion ?? Engines.DefaultVersion(engine),
            CreatedAt = createdAt,
            AvailableAt = availableAt,
            PreferredBackupWindow = backup.ToString(),
            PreferredMaintenanceWindow = maintenance.ToString(),
            BackupRetentionPeriod = ValidRetention(BackupRetentionPeriod ?? 1),
            AllocatedStorage = AllocatedStorage ?? 1,
            Port = Port ?? Engines.DefaultPort(engine),
            MasterUsername = MasterUsername,
            DatabaseName = DatabaseName,
            StorageEncrypted = StorageEncrypted,
            DeletionProtection = DeletionProtection,
        };
    }

    /// <summary>Aurora keeps automated backups for 1 to 35 days; they cannot be turned off.</summary>
    public static int ValidRetention(int days) =>
        days is >= 1 and <= 35
            ? days
            : throw RdsFault.InvalidParameterValue($"Invalid backup retention period: {days}. The backup retention period must be between 1 and 35 days.");
}

/// <summary>A new DB instance, from CreateDBInstance or a lab fixture's writer instance.</summary>
public sealed record InstanceSettings(string Id, string InstanceClass, string Engine)
{
    /// <summary><paramref name="instanceClass"/> when it names a DB instance class (<c>db.r6g.large</c>); RDS refuses anything else.</summary>
    public static string ValidClass(string instanceClass) =>
        instanceClass.StartsWith("db.", StringComparison.Ordinal)
            ? instanceClass
            : throw RdsFault.InvalidParameterValue($"Invalid DB Instance class: {instanceClass}");

    public string? ClusterId { get; init; }
    public string? EngineVersion { get; init; }
    public int? PromotionTier { get; init; }
}
