using LabRunner.TestSupport.Sandbox;

namespace LabRunner.Rds.Tests.Sandbox;

/// <summary>Cluster snapshots: lifecycle, errors, selection, pagination and sharing over real HTTP.</summary>
public sealed class SnapshotApiTests : IAsyncLifetime
{
    private SandboxFixture sandbox = null!;

    public async Task InitializeAsync()
    {
        sandbox = await SandboxFixture.StartAsync(options => options with { SnapshotDuration = TimeSpan.FromSeconds(60), ManualSnapshotQuota = 60 });
        sandbox.SeedCluster("aurora-alice-cluster");
        sandbox.SeedCluster("aurora-bob-cluster");
    }

    public async Task DisposeAsync() => await sandbox.DisposeAsync();

    [Fact]
    public async Task A_snapshot_is_creating_with_rising_progress_then_available()
    {
        var created = await CreateSnapshot("Alice-Snap1", "aurora-alice-cluster");
        Assert.Equal(200, created.Status);
        var snapshot = created.Result.Element(QueryResult.Rds + "DBClusterSnapshot")!;
        Assert.Equal("alice-snap1", snapshot.Field("DBClusterSnapshotIdentifier"));
        Assert.Equal("creating", snapshot.Field("Status"));
        Assert.Equal("0", snapshot.Field("PercentProgress"));
        Assert.Equal("manual", snapshot.Field("SnapshotType"));
        Assert.Equal("aurora-alice-cluster", snapshot.Field("DBClusterIdentifier"));
        Assert.Equal("2025-03-03T10:00:00.000Z", snapshot.Field("SnapshotCreateTime"));

        sandbox.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(("creating", "50"), await StatusAndProgress("alice-snap1"));
        sandbox.Time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(("creating", "98"), await StatusAndProgress("alice-snap1"));
        sandbox.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(("available", "100"), await StatusAndProgress("alice-snap1"));
    }

    [Fact]
    public async Task Bigger_clusters_take_longer_to_snapshot()
    {
        await sandbox.CallAsync("CreateDBCluster", ("DBClusterIdentifier", "big"), ("Engine", "aurora-mysql"), ("AllocatedStorage", "400"));
        sandbox.Time.Advance(TimeSpan.FromMinutes(1));
        await CreateSnapshot("big-snap", "big");

        sandbox.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(("creating", "50"), await StatusAndProgress("big-snap"));
        sandbox.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(("available", "100"), await StatusAndProgress("big-snap"));
    }

    [Fact]
    public async Task Snapshot_errors_carry_rds_codes_and_statuses()
    {
        await CreateSnapshot("alice-snap1", "aurora-alice-cluster");

        var duplicate = await CreateSnapshot("ALICE-SNAP1", "aurora-alice-cluster");
        Assert.Equal((400, "DBClusterSnapshotAlreadyExistsFault"), (duplicate.Status, duplicate.ErrorCode));
        var unknownCluster = await CreateSnapshot("x-snap", "ghost-cluster");
        Assert.Equal((404, "DBClusterNotFoundFault"), (unknownCluster.Status, unknownCluster.ErrorCode));
        var unknownSnapshot = await sandbox.CallAsync("DescribeDBClusterSnapshots", ("DBClusterSnapshotIdentifier", "ghost"));
        Assert.Equal((404, "DBClusterSnapshotNotFoundFault"), (unknownSnapshot.Status, unknownSnapshot.ErrorCode));
        Assert.Equal("DBClusterSnapshot ghost not found.", unknownSnapshot.ErrorMessage);
        var missing = await sandbox.CallAsync("CreateDBClusterSnapshot", ("DBClusterIdentifier", "aurora-alice-cluster"));
        Assert.Equal((400, "MissingParameter"), (missing.Status, missing.ErrorCode));
        Assert.Equal("The request must contain the parameter DBClusterSnapshotIdentifier", missing.ErrorMessage);
    }

    [Fact]
    public async Task Manual_snapshots_beyond_the_quota_are_refused()
    {
        for (var index = 0; index < 60; index++)
            Assert.Equal(200, (await CreateSnapshot($"snap-{index}", "aurora-bob-cluster")).Status);

        var over = await CreateSnapshot("snap-60", "aurora-bob-cluster");
        Assert.Equal((400, "SnapshotQuotaExceeded"), (over.Status, over.ErrorCode));
    }

    [Fact]
    public async Task Automated_snapshots_cannot_be_deleted_and_manual_ones_only_once_available()
    {
        var automated = Assert.Single(await Snapshots(("SnapshotType", "automated"), ("DBClusterIdentifier", "aurora-alice-cluster")));
        Assert.StartsWith("rds:aurora-alice-cluster-2025-03-02-", automated);
        var refused = await sandbox.CallAsync("DeleteDBClusterSnapshot", ("DBClusterSnapshotIdentifier", automated));
        Assert.Equal((400, "InvalidDBClusterSnapshotStateFault"), (refused.Status, refused.ErrorCode));

        await CreateSnapshot("alice-snap1", "aurora-alice-cluster");
        var whileCreating = await sandbox.CallAsync("DeleteDBClusterSnapshot", ("DBClusterSnapshotIdentifier", "alice-snap1"));
        Assert.Equal("InvalidDBClusterSnapshotStateFault", whileCreating.ErrorCode);
        sandbox.Time.Advance(TimeSpan.FromMinutes(1));
        var deleted = await sandbox.CallAsync("DeleteDBClusterSnapshot", ("DBClusterSnapshotIdentifier", "alice-snap1"));
        Assert.Equal("alice-snap1", deleted.Result.Element(QueryResult.Rds + "DBClusterSnapshot")!.Field("DBClusterSnapshotIdentifier"));
        var gone = await sandbox.CallAsync("DeleteDBClusterSnapshot", ("DBClusterSnapshotIdentifier", "alice-snap1"));
        Assert.Equal((404, "DBClusterSnapshotNotFoundFault"), (gone.Status, gone.ErrorCode));
    }

    [Fact]
    public async Task Copy_needs_an_available_source_and_is_copying_then_available()
    {
        await CreateSnapshot("alice-snap1", "aurora-alice-cluster");
        var early = await sandbox.CallAsync("CopyDBClusterSnapshot", ("SourceDBClusterSnapshotIdentifier", "alice-snap1"), ("TargetDBClusterSnapshotIdentifier", "alice-copy"));
        Assert.Equal("InvalidDBClusterSnapshotStateFault", early.ErrorCode);

        sandbox.Time.Advance(TimeSpan.FromMinutes(1));
        var copied = await sandbox.CallAsync("CopyDBClusterSnapshot",
            ("SourceDBClusterSnapshotIdentifier", "arn:aws:rds:us-east-1:000000000000:cluster-snapshot:alice-snap1"), ("TargetDBClusterSnapshotIdentifier", "Alice-Copy"));
        var copy = copied.Result.Element(QueryResult.Rds + "DBClusterSnapshot")!;
        Assert.Equal("alice-copy", copy.Field("DBClusterSnapshotIdentifier"));
        Assert.Equal("copying", copy.Field("Status"));
        Assert.Equal("arn:aws:rds:us-east-1:000000000000:cluster-snapshot:alice-snap1", copy.Field("SourceDBClusterSnapshotArn"));
        sandbox.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(("available", "100"), await StatusAndProgress("alice-copy"));

        var again = await sandbox.CallAsync("CopyDBClusterSnapshot", ("SourceDBClusterSnapshotIdentifier", "alice-snap1"), ("TargetDBClusterSnapshotIdentifier", "alice-copy"));
        Assert.Equal("DBClusterSnapshotAlreadyExistsFault", again.ErrorCode);
    }

    [Fact]
    public async Task Snapshots_are_selected_by_cluster_type_and_filters()
    {
        await CreateSnapshot("alice-snap1", "aurora-alice-cluster");
        await CreateSnapshot("bob-snap1", "aurora-bob-cluster");

        Assert.Equal(4, (await Snapshots()).Count);
        Assert.Equal(["alice-snap1", "bob-snap1"], await Snapshots(("SnapshotType", "manual")));
        Assert.Equal(["bob-snap1"], await Snapshots(("DBClusterIdentifier", "aurora-bob-cluster"), ("SnapshotType", "manual")));
        Assert.Equal(["alice-snap1"], await Snapshots(
            ("Filters.Filter.1.Name", "db-cluster-id"), ("Filters.Filter.1.Values.Value.1", "arn:aws:rds:us-east-1:000000000000:cluster:aurora-alice-cluster"),
            ("Filters.Filter.2.Name", "snapshot-type"), ("Filters.Filter.2.Values.Value.1", "manual")));
        Assert.Equal(["alice-snap1", "bob-snap1"], await Snapshots(
            ("Filters.Filter.1.Name", "db-cluster-snapshot-id"), ("Filters.Filter.1.Values.Value.1", "bob-snap1"), ("Filters.Filter.1.Values.Value.2", "alice-snap1")));
        Assert.Empty(await Snapshots(("DBClusterIdentifier", "no-such-cluster")));

        var badFilter = await sandbox.CallAsync("DescribeDBClusterSnapshots", ("Filters.Filter.1.Name", "colour"), ("Filters.Filter.1.Values.Value.1", "red"));
        Assert.Equal(("InvalidParameterValue", "Unrecognized filter name: colour."), (badFilter.ErrorCode, badFilter.ErrorMessage));
    }

    [Theory]
    [InlineData("19")]
    [InlineData("101")]
    [InlineData("0")]
    public async Task MaxRecords_outside_20_to_100_is_invalid(string maxRecords)
    {
        var result = await sandbox.CallAsync("DescribeDBClusterSnapshots", ("MaxRecords", maxRecords));

        Assert.Equal((400, "InvalidParameterValue"), (result.Status, result.ErrorCode));
        Assert.Equal($"Invalid value {maxRecords} for MaxRecords. Must be between 20 and 100", result.ErrorMessage);
    }

    [Fact]
    public async Task Marker_pagination_visits_every_snapshot_once()
    {
        for (var index = 0; index < 45; index++)
            await CreateSnapshot($"snap-{index:00}", "aurora-bob-cluster");

        var seen = new List<string>();
        string? marker = null;
        var pages = 0;
        do
        {
            (string, string)[] parameters = marker is null ? [("MaxRecords", "20")] : [("MaxRecords", "20"), ("Marker", marker)];
            var page = await sandbox.CallAsync("DescribeDBClusterSnapshots", parameters);
            Assert.True(page.Members("DBClusterSnapshots", "DBClusterSnapshot").Count <= 20);
            seen.AddRange(page.Members("DBClusterSnapshots", "DBClusterSnapshot").Select(snapshot => snapshot.Field("DBClusterSnapshotIdentifier")!));
            marker = page.Marker;
            pages++;
        }
        while (marker is not null);

        Assert.Equal(3, pages); // 45 manual + 2 automated = 47
        Assert.Equal(47, seen.Count);
        Assert.Equal(seen.Distinct().Order(StringComparer.Ordinal), seen);

        var badMarker = await sandbox.CallAsync("DescribeDBClusterSnapshots", ("Marker", "%%%"));
        Assert.Equal("InvalidParameterValue", badMarker.ErrorCode);
    }

    [Fact]
    public async Task Sharing_adds_and_removes_accounts_on_the_restore_attribute()
    {
        await CreateSnapshot("alice-snap1", "aurora-alice-cluster");

        var shared = await sandbox.CallAsync("ModifyDBClusterSnapshotAttribute", ("DBClusterSnapshotIdentifier", "alice-snap1"), ("AttributeName", "restore"),
            ("ValuesToAdd.AttributeValue.1", "123456789012"), ("ValuesToAdd.AttributeValue.2", "210987654321"));
        Assert.Equal(200, shared.Status);
        Assert.Equal(["123456789012", "210987654321"], await RestoreAccounts());

        await sandbox.CallAsync("ModifyDBClusterSnapshotAttribute", ("DBClusterSnapshotIdentifier", "alice-snap1"), ("AttributeName", "restore"),
            ("ValuesToRemove.AttributeValue.1", "123456789012"), ("ValuesToAdd.AttributeValue.1", "all"));
        Assert.Equal(["210987654321", "all"], await RestoreAccounts());
        Assert.Equal(["alice-snap1"], await Snapshots(("SnapshotType", "public")));

        var badAccount = await sandbox.CallAsync("ModifyDBClusterSnapshotAttribute", ("DBClusterSnapshotIdentifier", "alice-snap1"), ("AttributeName", "restore"), ("ValuesToAdd.AttributeValue.1", "12345"));
        Assert.Equal("InvalidParameterValue", badAccount.ErrorCode);
        var badAttribute = await sandbox.CallAsync("ModifyDBClusterSnapshotAttribute", ("DBClusterSnapshotIdentifier", "alice-snap1"), ("AttributeName", "copy"));
        Assert.Equal("InvalidParameterValue", badAttribute.ErrorCode);
        var automated = Assert.Single(await Snapshots(("SnapshotType", "automated"), ("DBClusterIdentifier", "aurora-alice-cluster")));
        var automatedShare = await sandbox.CallAsync("ModifyDBClusterSnapshotAttribute", ("DBClusterSnapshotIdentifier", automated), ("AttributeName", "restore"), ("ValuesToAdd.AttributeValue.1", "123456789012"));
        Assert.Equal("InvalidDBClusterSnapshotStateFault", automatedShare.ErrorCode);
        var missing = await sandbox.CallAsync("DescribeDBClusterSnapshotAttributes", ("DBClusterSnapshotIdentifier", "ghost"));
        Assert.Equal((404, "DBClusterSnapshotNotFoundFault"), (missing.Status, missing.ErrorCode));
    }

    [Fact]
    public async Task Sharing_with_more_than_20_accounts_exceeds_the_quota()
    {
        await CreateSnapshot("alice-snap1", "aurora-alice-cluster");
        var accounts = Enumerable.Range(1, 21).Select(index => ($"ValuesToAdd.AttributeValue.{index}", (100000000000 + index).ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var result = await sandbox.CallAsync("ModifyDBClusterSnapshotAttribute", [("DBClusterSnapshotIdentifier", "alice-snap1"), ("AttributeName", "restore"), .. accounts]);

        Assert.Equal("SharedSnapshotQuotaExceeded", result.ErrorCode);
        Assert.Empty(await RestoreAccounts());
    }

    private Task<QueryResult> CreateSnapshot(string snapshot, string cluster) =>
        sandbox.CallAsync("CreateDBClusterSnapshot", ("DBClusterSnapshotIdentifier", snapshot), ("DBClusterIdentifier", cluster));

    private async Task<(string?, string?)> StatusAndProgress(string snapshot)
    {
        var described = Assert.Single((await sandbox.CallAsync("DescribeDBClusterSnapshots", ("DBClusterSnapshotIdentifier", snapshot))).Members("DBClusterSnapshots", "DBClusterSnapshot"));
        return (described.Field("Status"), described.Field("PercentProgress"));
    }

    private async Task<List<string>> Snapshots(params (string, string)[] parameters)
    {
        var result = await sandbox.CallAsync("DescribeDBClusterSnapshots", parameters);
        Assert.Equal(200, result.Status);
        return result.Members("DBClusterSnapshots", "DBClusterSnapshot").Select(snapshot => snapshot.Field("DBClusterSnapshotIdentifier")!).ToList();
    }

    private async Task<List<string>> RestoreAccounts()
    {
        var result = await sandbox.CallAsync("DescribeDBClusterSnapshotAttributes", ("DBClusterSnapshotIdentifier", "alice-snap1"));
        var attribute = Assert.Single(result.Result.Element(QueryResult.Rds + "DBClusterSnapshotAttributesResult")!
            .Element(QueryResult.Rds + "DBClusterSnapshotAttributes")!.Elements(QueryResult.Rds + "DBClusterSnapshotAttribute"));
        Assert.Equal("restore", attribute.Field("AttributeName"));
        return attribute.Element(QueryResult.Rds + "AttributeValues")!.Elements(QueryResult.Rds + "AttributeValue").Select(value => value.Value).ToList();
    }
}
