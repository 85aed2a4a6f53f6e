using LabRunner.Content.Learners;
using LabRunner.Engine.Specs;
using LabRunner.Rds;

namespace LabRunner.Engine.Actions;

/// <summary>An action kind: turns a spec bound for one learner (parameters rendered and valid for their types) into an action.</summary>
public interface IActionKind : IKind
{
    IAction Bind(BoundSpec spec);
}

/// <summary>One change to RDS for one learner, idempotent: doing it again when it is done is success.</summary>
public interface IAction
{
    /// <summary>What it does, for a person: "create snapshot aurora-alice-snap1 of cluster aurora-alice-cluster".</summary>
    string Summary { get; }

    /// <summary>Every identifier it touches; each must be one of the learner's lab resources.</summary>
    IReadOnlyList<string> Identifiers { get; }

    /// <summary>What it brings into being (a copy, a restored cluster), as opposed to what it only reads or changes: what cleanup will owe the learner.</summary>
    IReadOnlyList<string> Creates => Identifiers;

    AwsCliCommand CliCommand { get; }

    /// <summary>What it costs on AWS, for actions that create billed resources; fronts show it before asking, off the sandbox.</summary>
    string? CostWarning => null;

    /// <summary>Every RDS API action it may call, as IAM names them (<c>rds:CreateDBClusterSnapshot</c>), so a learner can check their permissions.</summary>
    IReadOnlyList<string> ApiActions { get; }

    /// <summary>Performs it. Failures of RDS come back as <see cref="ActionOutcomeKind.Failed"/>, not as exceptions.</summary>
    Task<ActionOutcome> PerformAsync(IRdsApi rds, CancellationToken cancellationToken = default);
}

public enum ActionOutcomeKind
{
    Done,
    /// <summary>It was already so: nothing to do.</summary>
    AlreadyDone,
    /// <summary>Not attempted or stopped short: it would touch something that is not this learner's.</summary>
    Refused,
    /// <summary>RDS said no or could not be reached; <see cref="ActionOutcome.Error"/> tells why.</summary>
    Failed,
}

public sealed record ActionOutcome(ActionOutcomeKind Kind, string Message, RdsException? Error = null)
{
    public bool Succeeded => Kind is ActionOutcomeKind.Done or ActionOutcomeKind.AlreadyDone;

    public static ActionOutcome From(RdsException error, string attempted) =>
        new(ActionOutcomeKind.Failed, $"could not {attempted}: {error.Message}", error);
}
