namespace LabRunner.Sandbox.Accounts;

public enum CallerRole
{
    /// <summary>The single-learner sandbox (any credentials, or a key given with --verify-signatures): the default account, every action.</summary>
    Local,

    /// <summary>A learner of a class: their own account, as if it were an AWS account of its own.</summary>
    Learner,

    /// <summary>The class's instructor: reads every account, changes nothing.</summary>
    Instructor,

    /// <summary>No key yet: may only redeem a join code.</summary>
    Joining,
}

/// <summary>Who sent a request, as told by the key that signed it; decides which account it sees and what it may do.</summary>
public sealed record Caller(CallerRole Role, string? Learner = null)
{
    public static readonly Caller Local = new(CallerRole.Local);
    public static readonly Caller Instructor = new(CallerRole.Instructor);
    public static readonly Caller Joining = new(CallerRole.Joining);

    public static Caller OfLearner(string name) => new(CallerRole.Learner, name);
}
