using System.Xml;
using LabRunner.Sandbox.Accounts;
using LabRunner.Sandbox.Protocol;
using LabRunner.Sandbox.Rules;
using LabRunner.Sandbox.State;

namespace LabRunner.Sandbox.Operations;

/// <summary>One request as an action sees it: its parameters, the instant it is answered at, and who sent it (whose account it works on).</summary>
public sealed record ActionRequest(ReceivedParameters Parameters, DateTimeOffset Now, Caller Caller);

/// <summary>
/// An action does its work (or throws <see cref="RdsFault"/>) and returns what to write inside its Result element;
/// null for an action without output, answered as RDS answers it, with no Result element.
/// </summary>
public delegate Action<XmlWriter>? ActionHandler(ActionRequest request);

/// <summary>What every group of actions works with.</summary>
public sealed record SandboxServices(SandboxState State, SandboxOptions Options, Naming Naming, Provisioning Provisioning)
{
    public ShapeWriter Shapes(DateTimeOffset now) => new(Naming, now);

    /// <summary>The services a sandbox with <paramref name="options"/> works with, its state loaded from the options' state file (if any).</summary>
    /// <exception cref="SandboxStateException">The state file exists but cannot be used.</exception>
    public static SandboxServices From(SandboxOptions options) => new(
        new SandboxState(options.StateFile is null ? null : new StateFile(options.StateFile)),
        options, new Naming(options.Region, options.AccountId), new Provisioning(options));
}
