using LabRunner.Sandbox.Protocol;

namespace LabRunner.Sandbox.Operations;

/// <summary>Routes a Query-API request to its action by <c>Action</c> and <c>Version</c>, and wraps the answer in RDS's envelope.</summary>
public sealed class ActionDispatcher
{
    public const string ApiVersion = "2014-10-31";
    private readonly Dictionary<string, ActionHandler> handlers;

    public ActionDispatcher(SandboxServices services)
    {
        handlers = new ClusterActions(services).Handlers()
            .Concat(new InstanceActions(services).Handlers())
            .Concat(new SnapshotActions(services).Handlers())
            .Concat(new SnapshotSharingActions(services).Handlers())
            .Concat(new ClusterMemberRefusals(services).Handlers())
            .Concat(new TagActions(services).Handlers())
            .ToDictionary(StringComparer.Ordinal);
    }

    public IReadOnlyCollection<string> Actions => handlers.Keys;

    /// <summary>True for an action that only reads; in the RDS API those are the Describe actions and ListTagsForResource.</summary>
    public static bool IsReadOnly(string action) => action.StartsWith("Describe", StringComparison.Ordinal) || action == "ListTagsForResource";

    /// <summary>The success XML for the request; failures are thrown as <see cref="RdsFault"/>.</summary>
    public string Dispatch(ReceivedParameters parameters, DateTimeOffset now, string requestId)
    {
        var action = parameters.Optional("Action");
        if (string.IsNullOrEmpty(action))
            throw new RdsFault("MissingAction", "The request must contain the parameter Action");
        var version = parameters.Required("Version");
        if (version != ApiVersion || !handlers.TryGetValue(action, out var handler))
            throw RdsFault.InvalidAction(action, version);
        var writeResult = handler(new ActionRequest(parameters, now));
        return ResponseWriter.Success(action, requestId, writeResult);
    }
}
