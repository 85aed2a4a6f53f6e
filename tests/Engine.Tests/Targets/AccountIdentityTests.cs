using LabRunner.Engine.Targets;

namespace LabRunner.Engine.Tests.Targets;

public sealed class AccountIdentityTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 23, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(null, null)]
    [InlineData(16, null)]
    [InlineData(15, "your AWS credentials expire in 15 minutes (23:15 UTC): renew them before a long step")]
    [InlineData(9, "your AWS credentials expire in 9 minutes (23:09 UTC): renew them before a long step")]
    [InlineData(-2, "your AWS credentials expired at 22:58 UTC")]
    public void Temporary_credentials_are_warned_about_within_15_minutes_of_their_end(int? minutesLeft, string? warning)
    {
        var identity = new AccountIdentity("123456789012", "arn:aws:sts::123456789012:assumed-role/Learner/alice",
            minutesLeft is { } minutes ? Now.AddMinutes(minutes) : null);

        Assert.Equal(warning, identity.ExpiryWarning(Now));
    }

    [Fact]
    public void The_target_names_the_account_and_principal_only_when_known()
    {
        var aws = new TargetInfo(TargetKind.Aws, new Uri("https://rds.eu-west-1.amazonaws.com/"), "eu-west-1");

        Assert.Null(aws.AccountText);
        Assert.Equal("123456789012 as arn:aws:iam::123456789012:user/alice",
            (aws with { Identity = new AccountIdentity("123456789012", "arn:aws:iam::123456789012:user/alice", null) }).AccountText);
    }
}
