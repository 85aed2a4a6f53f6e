using LabRunner.Engine.Targets;
using LabRunner.Tui.Theme;

namespace LabRunner.Fronts.Tests.Tui;

public sealed class TargetWordsTests
{
    [Fact]
    public void The_sandbox_and_a_real_account_never_read_alike()
    {
        var sandbox = new TargetInfo(TargetKind.Sandbox, new Uri("http://127.0.0.1:41234/"), "us-east-1");
        var aws = new TargetInfo(TargetKind.Aws, new Uri("https://rds.us-east-1.amazonaws.com/"), "us-east-1", "dev");

        Assert.Equal(" ■ SANDBOX · local practice ", TargetWords.Badge(TargetKind.Sandbox, sandbox));
        Assert.Equal(" ▲ AWS · REAL ACCOUNT · us-east-1 · profile dev ", TargetWords.Badge(TargetKind.Aws, aws));
        Assert.Equal("on the SANDBOX (local practice, nothing real)", TargetWords.Where(sandbox));
        Assert.Equal("on your REAL AWS account (us-east-1, profile dev)", TargetWords.Where(aws));
    }

    [Fact]
    public void Another_RDS_endpoint_is_named_by_its_address_not_called_a_real_account()
    {
        var classroom = new TargetInfo(TargetKind.Aws, new Uri("http://10.0.0.5:4566/"), "us-east-1");

        Assert.Equal(" ◆ RDS ENDPOINT · 10.0.0.5:4566 ", TargetWords.Badge(TargetKind.Aws, classroom));
        Assert.Equal("on the RDS endpoint 10.0.0.5:4566 (us-east-1)", TargetWords.Where(classroom));
        Assert.Equal("endpoint", classroom.KindName);
        Assert.NotEqual(Palette.Colored.Badge(TargetKind.Aws, classroom), Palette.Colored.Badge(TargetKind.Aws, new TargetInfo(TargetKind.Aws, new Uri("https://rds.us-east-1.amazonaws.com/"))));
    }

    [Fact]
    public void Once_STS_has_named_the_account_the_badge_and_sentences_carry_it()
    {
        var identity = new AccountIdentity("123456789012", "arn:aws:sts::123456789012:assumed-role/Learner/alice", null);
        var aws = new TargetInfo(TargetKind.Aws, new Uri("https://rds.eu-west-1.amazonaws.com/"), "eu-west-1", Identity: identity);
        var standIn = new TargetInfo(TargetKind.Aws, new Uri("http://127.0.0.1:4566/"), "us-east-1", Identity: identity);

        Assert.Equal(" ▲ AWS · REAL ACCOUNT · account 123456789012 · eu-west-1 ", TargetWords.Badge(TargetKind.Aws, aws));
        Assert.Equal("on your REAL AWS account (account 123456789012, eu-west-1)", TargetWords.Where(aws));
        Assert.Equal(" ◆ RDS ENDPOINT · 127.0.0.1:4566 · account 123456789012 ", TargetWords.Badge(TargetKind.Aws, standIn));
    }

    [Fact]
    public void Before_connecting_the_badge_says_so()
    {
        Assert.Equal(" ■ SANDBOX · starting… ", TargetWords.Badge(TargetKind.Sandbox, null));
        Assert.Equal(" ▲ AWS · REAL ACCOUNT · connecting… ", TargetWords.Badge(TargetKind.Aws, null));
    }
}
