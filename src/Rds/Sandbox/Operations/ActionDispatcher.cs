using LabRunner.Sandbox.Accounts;
using LabRunner.Sandbox.Protocol;
using LabRunner.Sandbox.Seeding;

namespace LabRunner.Sandbox.Operations;

/// <summary>
/// Routes a Query-API request to its action by <c>Action</c> and <c>Version</c>, once the caller may call it, and wraps
/// the answer in RDS's envelope. A class's instructor only reads: any other action is refused as IAM refuses it.
/// </summary>
public sealed class ActionDispatcher
{
    public const string ApiVersion = "2014-10-31";
    private const string InstructorUser = "labrunner-instructor";
    private readonly Dictionary<string, ActionHandler> handlers;
    private readonly SandboxServices services;

    public ActionDispatcher(SandboxServices services, FixtureSeeder seeder)
    {
        this.services = services;
        handlers = new ClusterActions(services).Handlers()
            .Concat(new InstanceActions(services).Handlers())
            .Concat(new SnapshotActions(services).Handlers())
            .Concat(new SnapshotSharingActions(services).Handlers())
            .Concat(new ClusterMemberRefusals(services).Handlers())
            .Concat(new TagActions(services).Handlers())
            .Concat(new ClassActions(services, seeder).Handlers())
            .ToDictionary(StringComparer.Ordinal);
    }

    public IReadOnlyCollection<string> Actions => handlers.Keys;

    /// <summary>True for an action that only reads; in the RDS API those are the Describe actions and ListTagsForResource.</summary>
    public static bool IsReadOnly(string action) => action.StartsWith("Describe", StringComparison.Ordinal) || action == "ListTagsForResource";

    /// <summary>The success XML for the request; failures are thrown as <see cref="RdsFault"/>.</summary>
    public string Dispatch(ReceivedParameters parameters, Caller caller, DateTimeOffset now, string requestId)
    {
        var action = parameters.Optional("Action");
        if (string.IsNullOrEmpty(action))
            throw new RdsFault("MissingAction", "The request must contain the parameter Action");
        var version = parameters.Required("Version");
        if (version != ApiVersion || !handlers.TryGetValue(action, out var handler))
            throw RdsFault.InvalidAction(action, version);
        Authorize(action, caller, parameters);
        var writeResult = handler(new ActionRequest(parameters, now, caller));
        return ResponseWriter.Success(action, requestId, writeResult);
    }

    private void Authorize(string action, Caller caller, ReceivedParameters parameters)
    {
        if (ClassActions.OnlyFor(action) is { } role)
        {
            if (caller.Role != role)
                throw new RdsFault("AccessDenied", $"{action} is for the class's {(role == CallerRole.Instructor ? "instructor key" : "join command, unsigned")} only.", 403);
            return;
        }
        if (caller.Role == CallerRole.Joining)
            throw new RdsFault("MissingAuthenticationToken", "Request is missing Authentication Token: only LabRunnerJoin may be sent unsigned.", 403);
        if (caller.Role == CallerRole.Instructor && !IsReadOnly(action))
            throw new RdsFault("AccessDenied", $"User: arn:aws:iam::{services.Options.AccountId}:user/{InstructorUser} is not authorized to perform: rds:{action} on resource: {ResourceArn(parameters)} because no identity-based policy allows the rds:{action} action (the instructor's key only reads)", 403);
    }

    /// <summary>The resource an action names, as IAM's message gives it, or <c>*</c>.</summary>
    private string ResourceArn(ReceivedParameters parameters)
    {
        (string Parameter, Func<string, string> Arn)[] named =
        [
            ("DBClusterSnapshotIdentifier", services.Naming.SnapshotArn),
            ("TargetDBClusterSnapshotIdentifier", services.Naming.SnapshotArn),
            ("DBClusterIdentifier", services.Naming.ClusterArn),
            ("DBInstanceIdentifier", services.Naming.InstanceArn),
            ("ResourceName", arn => arn),
        ];
        foreach (var (parameter, arn) in named)
        {
            if (parameters.Optional(parameter) is { Length: > 0 } value)
                return value.StartsWith("arn:", StringComparison.Ordinal) ? value : arn(value.ToLowerInvariant());
        }
        return "*";
    }
}
