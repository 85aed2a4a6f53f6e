using System.Xml.Linq;
using LabRunner.Rds.Protocol;

namespace LabRunner.Rds.Passes;

/// <summary>
/// One learner's reads answered by the presigned GETs of their pass, with no credentials: each Describe the engine asks
/// is matched to the pass's request for exactly those fields and that URL is sent as is, once (no retry, no redirect
/// followed, the answer read within the client's limits). Anything the pass cannot answer, or the endpoint refuses as
/// expired or not signed as sent, fails as a <see cref="PassRefusedException"/>; every call fails alike once the pass
/// is known to be refused, so no further request is sent.
/// </summary>
public sealed class PassReplay : FormReadApi
{
    private readonly IReadOnlyList<PresignedRequest> requests;
    private readonly PassReplayer replayer;
    private PassRefusedException? refused;

    internal PassReplay(IReadOnlyList<PresignedRequest> requests, PassRefusedException? refused, PassReplayer replayer)
    {
        this.requests = requests;
        this.refused = refused;
        this.replayer = replayer;
    }

    internal override async Task<T> CallAsync<T>(RequestForm form, Func<XElement, T> read, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref refused) is { } refusal)
            throw refusal;
        var request = requests.FirstOrDefault(candidate => candidate.Action == form.Action && candidate.Asks(form.Fields))
            ?? throw Refuse(new PassRefusedException(PassRefusal.Tampered,
                $"the pass holds no {form.Action} for this learner's resources ({Describe(form)}): it was edited, or made for other values or another version of the lab"));
        if (replayer.Now >= request.ExpiresAt)
            throw Refuse(new PassRefusedException(PassRefusal.Expired, $"the pass expired at {request.ExpiresAt:yyyy-MM-dd HH:mm} UTC"));
        try
        {
            return await replayer.SendAsync(request, read, cancellationToken).ConfigureAwait(false);
        }
        catch (RdsException e) when (RefusalOf(e) is { } endpointRefusal)
        {
            throw Refuse(new PassRefusedException(endpointRefusal, $"{request.Uri.Authority} refused the pass's {request.Action} ({e.ErrorCode}): {e.Message}", e));
        }
    }

    private PassRefusedException Refuse(PassRefusedException refusal)
    {
        Interlocked.CompareExchange(ref refused, refusal, null);
        return refusal;
    }

    /// <summary>What the endpoint's refusal says of the pass: AWS refuses an expired presign with <c>AccessDenied</c> "Request has expired".</summary>
    private static PassRefusal? RefusalOf(RdsException e) => e.ErrorCode switch
    {
        "ExpiredToken" or "ExpiredTokenException" or "RequestExpired" => PassRefusal.Expired,
        "AccessDenied" when e.Message.Contains("expired", StringComparison.OrdinalIgnoreCase) => PassRefusal.Expired,
        "SignatureDoesNotMatch" or "IncompleteSignature" or "InvalidClientTokenId" or "AuthorizationQueryParametersError" => PassRefusal.Tampered,
        _ => null,
    };

    private static string Describe(RequestForm form) =>
        string.Join(", ", form.Fields.Where(pair => pair.Key is not ("Action" or "Version")).Select(pair => $"{pair.Key}={pair.Value}"));
}
