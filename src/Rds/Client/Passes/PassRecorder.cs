using System.Xml.Linq;
using LabRunner.Rds.Protocol;

namespace LabRunner.Rds.Passes;

/// <summary>
/// Answers every Describe with an empty page (a snapshot's attributes with "not found") and keeps, for each, the presigned GET that would ask it: reading a
/// learner's state through it yields exactly the requests their own <c>check</c> sends (first pages).
/// </summary>
public sealed class PassRecorder : FormReadApi
{
    private readonly QueryPresigner presigner;
    private readonly List<string> requests = [];

    internal PassRecorder(QueryPresigner presigner, DateTimeOffset signedAt, DateTimeOffset expiresAt)
    {
        this.presigner = presigner;
        SignedAt = signedAt;
        ExpiresAt = expiresAt;
    }

    public DateTimeOffset SignedAt { get; }

    public DateTimeOffset ExpiresAt { get; }

    /// <summary>The presigned URLs, in the order asked (one per distinct request).</summary>
    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (requests)
                return requests.ToList();
        }
    }

    internal override Task<T> CallAsync<T>(RequestForm form, Func<XElement, T> read, CancellationToken cancellationToken)
    {
        var url = presigner.Presign(form);
        lock (requests)
        {
            if (!requests.Contains(url))
                requests.Add(url);
        }
        // One snapshot's attributes have no empty page: they are answered as RDS answers for a snapshot not there.
        if (form.Action == "DescribeDBClusterSnapshotAttributes")
            throw new RdsException(RdsErrorKind.NotFound, "DBClusterSnapshotNotFoundFault", "recorded, not read");
        return Task.FromResult(read(new XElement(form.Action + "Result")));
    }
}
