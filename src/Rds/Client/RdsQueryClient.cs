using LabRunner.Rds.Model;
using LabRunner.Rds.Protocol;

namespace LabRunner.Rds;

/// <summary>
/// <see cref="IRdsApi"/> over the RDS Query API (form POST, SigV4, XML), the same against AWS, moto and the sandbox.
/// Create it with <see cref="RdsClientFactory.CreateAsync"/>.
/// </summary>
public sealed partial class RdsQueryClient : IRdsApi, IDisposable
{
    private readonly QueryTransport transport;
    private readonly Amazon.Runtime.AWSCredentials credentials;
    private readonly RdsClientOptions options;

    internal RdsQueryClient(RdsTargetInfo target, Amazon.Runtime.AWSCredentials credentials, RdsClientOptions options)
    {
        Target = target;
        this.credentials = credentials;
        this.options = options;
        Stats = options.Stats ?? new RdsCallStats();
        transport = new QueryTransport(target, credentials, options, Stats);
    }

    public RdsTargetInfo Target { get; }

    public RdsCallStats Stats { get; }

    public Task<DescribeDBClustersResponse> DescribeDBClustersAsync(DescribeDBClustersRequest request, CancellationToken cancellationToken = default) =>
        transport.CallAsync(RequestWriter.Write(request), ResponseReader.DescribeDBClusters, cancellationToken);

    public Task<DescribeDBClusterSnapshotsResponse> DescribeDBClusterSnapshotsAsync(DescribeDBClusterSnapshotsRequest request, CancellationToken cancellationToken = default) =>
        transport.CallAsync(RequestWriter.Write(request), ResponseReader.DescribeDBClusterSnapshots, cancellationToken);

    public Task<CreateDBClusterSnapshotResponse> CreateDBClusterSnapshotAsync(CreateDBClusterSnapshotRequest request, CancellationToken cancellationToken = default) =>
        transport.CallAsync(RequestWriter.Write(request), ResponseReader.CreateDBClusterSnapshot, cancellationToken);

    public Task<DeleteDBClusterSnapshotResponse> DeleteDBClusterSnapshotAsync(DeleteDBClusterSnapshotRequest request, CancellationToken cancellationToken = default) =>
        transport.CallAsync(RequestWriter.Write(request), ResponseReader.DeleteDBClusterSnapshot, cancellationToken);

    public Task<CopyDBClusterSnapshotResponse> CopyDBClusterSnapshotAsync(CopyDBClusterSnapshotRequest request, CancellationToken cancellationToken = default) =>
        transport.CallAsync(RequestWriter.Write(request), ResponseReader.CopyDBClusterSnapshot, cancellationToken);

    public Task<ModifyDBClusterSnapshotAttributeResponse> ModifyDBClusterSnapshotAttributeAsync(ModifyDBClusterSnapshotAttributeRequest request, CancellationToken cancellationToken = default) =>
        transport.CallAsync(RequestWriter.Write(request), ResponseReader.ModifyDBClusterSnapshotAttribute, cancellationToken);

    public Task<DescribeDBClusterSnapshotAttributesResponse> DescribeDBClusterSnapshotAttributesAsync(DescribeDBClusterSnapshotAttributesRequest request, CancellationToken cancellationToken = default) =>
        transport.CallAsync(RequestWriter.Write(request), ResponseReader.DescribeDBClusterSnapshotAttributes, cancellationToken);

    public Task<ModifyDBClusterResponse> ModifyDBClusterAsync(ModifyDBClusterRequest request, CancellationToken cancellationToken = default) =>
        transport.CallAsync(RequestWriter.Write(request), ResponseReader.ModifyDBCluster, cancellationToken);

    /// <summary>
    /// The same credentials in another region of the same partition: RDS's regional endpoint there, or the same
    /// endpoint (signed for that region) when the endpoint was set on purpose, as a stand-in serves every region.
    /// </summary>
    public RdsQueryClient ForRegion(string region) =>
        new(Target with
        {
            Region = region,
            RegionSource = "explicit",
            Endpoint = Target.EndpointSource == Targeting.EndpointResolver.Regional ? Targeting.EndpointResolver.RegionalEndpoint(region) : Target.Endpoint,
        }, credentials, options with { Stats = Stats });

    /// <summary>Every other region of this client's partition (e.g. every commercial region but this one).</summary>
    public IReadOnlyList<string> OtherRegions()
    {
        var partition = Amazon.RegionEndpoint.GetBySystemName(Target.Region).PartitionName;
        return Amazon.RegionEndpoint.EnumerableAllRegions
            .Where(region => region.PartitionName == partition && region.SystemName != Target.Region)
            .Select(region => region.SystemName).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Who these credentials are (STS GetCallerIdentity), or null where asking does not apply: an RDS stand-in
    /// without an STS endpoint of its own (see <see cref="Targeting.CallerIdentityLookup.Applies"/>).
    /// </summary>
    /// <exception cref="RdsException">Credentials refused or unavailable (<see cref="RdsErrorKind.Credentials"/>), or STS failed.</exception>
    public async Task<CallerIdentity?> GetCallerIdentityAsync(CancellationToken cancellationToken = default) =>
        Targeting.CallerIdentityLookup.Applies(Target)
            ? await Targeting.CallerIdentityLookup.AskAsync(Target, credentials, cancellationToken).ConfigureAwait(false)
            : null;

    /// <summary>
    /// A recorder that presigns, with these credentials as they are now, every Describe it is asked (see
    /// <see cref="Passes.PassRecorder"/>), valid for <paramref name="expiresIn"/> (at most 7 days) but never beyond the
    /// credentials' own expiry.
    /// </summary>
    /// <exception cref="RdsException">The credentials are unavailable or already expired (<see cref="RdsErrorKind.Credentials"/>).</exception>
    public async Task<Passes.PassRecorder> PresignReadsAsync(TimeSpan expiresIn, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(expiresIn, TimeSpan.Zero, nameof(expiresIn));
        var keys = await transport.CurrentKeysAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        var now = options.TimeProvider.GetUtcNow();
        var signedAt = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        var lifetime = new[] { expiresIn, Passes.QueryPresigner.MaxExpiry }.Min();
        if (credentials.Expiration is { } expiration)
            lifetime = new[] { lifetime, new DateTimeOffset(expiration.ToUniversalTime(), TimeSpan.Zero) - signedAt }.Min();
        if (lifetime < TimeSpan.FromSeconds(1))
            throw new RdsException(RdsErrorKind.Credentials, "ExpiredToken", Target.AboutCredentials("The credentials have expired: a pass signed with them would never work"));
        var whole = TimeSpan.FromSeconds(Math.Floor(lifetime.TotalSeconds));
        return new Passes.PassRecorder(new Passes.QueryPresigner(Target.Endpoint, Target.Region, keys, signedAt, whole), signedAt, signedAt + whole);
    }

    /// <summary>Any Query-API action, for test tooling that seeds peers (e.g. CreateDBCluster on moto); not part of <see cref="IRdsApi"/>.</summary>
    internal Task<T> CallAsync<T>(RequestForm parameters, Func<System.Xml.Linq.XElement, T> read, CancellationToken cancellationToken) =>
        transport.CallAsync(parameters, read, cancellationToken);

    public void Dispose() => transport.Dispose();
}
