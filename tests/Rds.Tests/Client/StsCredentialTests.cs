using LabRunner.Rds.Model;
using LabRunner.TestSupport;
using LabRunner.TestSupport.Moto;
using LabRunner.TestSupport.Peers;
using LabRunner.TestSupport.Sandbox;

namespace LabRunner.Rds.Tests.Client;

/// <summary>
/// Credentials that come from STS (assume-role profiles, web identity) with moto's STS standing in for AWS's
/// (<c>AWS_ENDPOINT_URL_STS</c>), used against the sandbox; STS GetCallerIdentity then names the assumed role.
/// </summary>
[Collection(ProcessEnvironmentCollection.Name)]
[NeedsPeers(RealPeer.Moto)]
public sealed class StsCredentialTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private const string RoleArn = "arn:aws:iam::123456789012:role/workshop-learner";

    private const string SourceKeys = """
        [base]
        aws_access_key_id = AKIASOURCEPROFILE
        aws_secret_access_key = source-secret
        """;

    [PeerFact]
    public async Task A_profile_with_role_arn_and_source_profile_assumes_the_role()
    {
        using var environment = new AwsEnvironment().Set("AWS_ENDPOINT_URL_STS", moto.Endpoint.ToString()).Credentials(SourceKeys).Config($"""
            [profile learner]
            role_arn = {RoleArn}
            source_profile = base
            role_session_name = alice-session
            """);

        var (target, identity) = await DescribeOnSandboxAsync(profile: "learner");

        Assert.Equal("profile 'learner' (assume role)", target.CredentialSource);
        Assert.Equal("arn:aws:sts::123456789012:assumed-role/workshop-learner/alice-session", identity.Arn);
        Assert.Equal("123456789012", identity.Account);
        Assert.NotNull(identity.CredentialsExpire);
    }

    [PeerFact]
    public async Task A_profile_with_role_arn_and_credential_source_Environment_assumes_the_role()
    {
        using var environment = new AwsEnvironment().Set("AWS_ENDPOINT_URL_STS", moto.Endpoint.ToString())
            .Set("AWS_ACCESS_KEY_ID", "AKIAENVSOURCE").Set("AWS_SECRET_ACCESS_KEY", "env-source-secret").Config($"""
            [profile learner]
            role_arn = {RoleArn}
            credential_source = Environment
            role_session_name = bob-session
            """);

        var (target, identity) = await DescribeOnSandboxAsync(profile: "learner");

        Assert.Equal("profile 'learner' (assume role)", target.CredentialSource);
        Assert.Equal("arn:aws:sts::123456789012:assumed-role/workshop-learner/bob-session", identity.Arn);
    }

    [PeerFact]
    public async Task A_web_identity_token_file_assumes_the_role()
    {
        using var folder = new TempDirectory();
        var tokenFile = Path.Combine(folder.Path, "token");
        File.WriteAllText(tokenFile, "eyJhbGciOiJub25lIn0.eyJzdWIiOiJsZWFybmVyIn0.");
        using var environment = new AwsEnvironment().Set("AWS_ENDPOINT_URL_STS", moto.Endpoint.ToString())
            .Set("AWS_WEB_IDENTITY_TOKEN_FILE", tokenFile).Set("AWS_ROLE_ARN", RoleArn).Set("AWS_ROLE_SESSION_NAME", "carol-session");

        var (target, identity) = await DescribeOnSandboxAsync(profile: null);

        Assert.Equal("web identity token (AWS_WEB_IDENTITY_TOKEN_FILE)", target.CredentialSource);
        Assert.Equal("arn:aws:sts::123456789012:assumed-role/workshop-learner/carol-session", identity.Arn);
    }

    [PeerFact]
    public async Task Long_term_keys_are_named_by_their_user_and_do_not_expire()
    {
        using var environment = new AwsEnvironment().Set("AWS_ENDPOINT_URL_STS", moto.Endpoint.ToString()).Credentials(SourceKeys);

        var (_, identity) = await DescribeOnSandboxAsync(profile: "base");

        Assert.Equal("123456789012", identity.Account);
        Assert.Null(identity.CredentialsExpire);
    }

    [Fact]
    public async Task Without_an_STS_endpoint_a_stand_in_is_not_asked_who_the_credentials_are()
    {
        using var environment = new AwsEnvironment().Credentials(SourceKeys);
        await using var sandbox = await SandboxFixture.StartAsync();
        using var client = await RdsClientFactory.CreateAsync(new RdsClientOptions { Profile = "base", Endpoint = sandbox.Uri, Region = "us-east-1" });

        Assert.Null(await client.GetCallerIdentityAsync());
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData(" ")]
    public async Task A_malformed_STS_endpoint_is_named_never_a_crash(string value)
    {
        using var environment = new AwsEnvironment().Credentials(SourceKeys).Set("AWS_ENDPOINT_URL_STS", value);
        await using var sandbox = await SandboxFixture.StartAsync();
        using var client = await RdsClientFactory.CreateAsync(new RdsClientOptions { Profile = "base", Endpoint = sandbox.Uri, Region = "us-east-1" });

        var error = await Assert.ThrowsAsync<RdsException>(() => client.GetCallerIdentityAsync());
        Assert.Equal((RdsErrorKind.Configuration, "InvalidEndpoint"), (error.Kind, error.ErrorCode));
        Assert.Contains("AWS_ENDPOINT_URL_STS", error.Message);
    }

    private static async Task<(RdsTargetInfo Target, CallerIdentity Identity)> DescribeOnSandboxAsync(string? profile)
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var client = await RdsClientFactory.CreateAsync(new RdsClientOptions { Profile = profile, Endpoint = sandbox.Uri, Region = "eu-west-1", TimeProvider = sandbox.Time });

        Assert.Empty((await client.DescribeDBClustersAsync(new DescribeDBClustersRequest())).DBClusters);
        var identity = await client.GetCallerIdentityAsync();

        Assert.NotNull(identity);
        return (client.Target, identity);
    }
}
