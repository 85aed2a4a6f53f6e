using LabRunner.Rds.Model;
using LabRunner.Sandbox;
using LabRunner.TestSupport.Http;
using LabRunner.TestSupport.Sandbox;

namespace LabRunner.Rds.Tests.Client;

/// <summary>
/// Each credential source a learner has, resolved by AWSSDK.Core's own providers, then used for a Describe call that
/// the sandbox accepts only when signed with exactly those keys. (EC2 instance metadata is tested through the binary:
/// AWSSDK.Core keeps its instance-metadata settings for the life of a process.)
/// </summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class CredentialSourceTests
{
    [Fact]
    public async Task Static_keys_in_the_environment_sign_the_call()
    {
        using var environment = new AwsEnvironment().Set("AWS_ACCESS_KEY_ID", "AKIASTATICKEYS").Set("AWS_SECRET_ACCESS_KEY", "static-secret");

        var target = await DescribeOnVerifyingSandboxAsync(new("AKIASTATICKEYS", "static-secret"));

        Assert.Equal("environment variables", target.CredentialSource);
    }

    [Fact]
    public async Task A_profile_with_keys_signs_the_call()
    {
        using var environment = new AwsEnvironment().Credentials("[learner]\naws_access_key_id = AKIAPROFILEKEYS\naws_secret_access_key = profile-secret\n");

        var target = await DescribeOnVerifyingSandboxAsync(new("AKIAPROFILEKEYS", "profile-secret"), profile: "learner");

        Assert.Equal("profile 'learner'", target.CredentialSource);
    }

    [Fact]
    public async Task Container_credentials_as_CloudShell_and_ECS_hand_them_out_sign_the_call()
    {
        await using var endpoint = await CredentialsEndpoint.StartAsync("ASIACONTAINER", "container-secret", TimeSpan.FromHours(1));
        using var environment = new AwsEnvironment()
            .Set("AWS_CONTAINER_CREDENTIALS_FULL_URI", endpoint.ContainerUri.ToString())
            .Set("AWS_CONTAINER_AUTHORIZATION_TOKEN", CredentialsEndpoint.AuthorizationToken);

        var target = await DescribeOnVerifyingSandboxAsync(new("ASIACONTAINER", "container-secret"));

        Assert.Equal("container credentials endpoint (AWS_CONTAINER_CREDENTIALS_FULL_URI)", target.CredentialSource);
        Assert.Contains(endpoint.Requests, request => request.Path == CredentialsEndpoint.ContainerPath && request.Header("Authorization") == CredentialsEndpoint.AuthorizationToken);
    }

    [Fact]
    public async Task An_SSO_profile_without_a_login_says_to_run_aws_sso_login()
    {
        using var environment = new AwsEnvironment().Config("""
            [profile workshop]
            sso_session = event
            sso_account_id = 111122223333
            sso_role_name = Learner
            region = eu-west-1

            [sso-session event]
            sso_start_url = https://labrunner-test.awsapps.com/start
            sso_region = eu-west-1
            """);
        await using var sandbox = await SandboxFixture.StartAsync();
        using var client = await RdsClientFactory.CreateAsync(new RdsClientOptions { Profile = "workshop", Endpoint = sandbox.Uri, TimeProvider = sandbox.Time });

        var error = await Assert.ThrowsAsync<RdsException>(() => client.DescribeDBClustersAsync(new DescribeDBClustersRequest()));

        Assert.Equal(RdsErrorKind.Credentials, error.Kind);
        Assert.Contains("(credentials from profile 'workshop' (SSO): run 'aws sso login --profile workshop')", error.Message);
    }

    [Fact]
    public async Task Keys_the_endpoint_calls_expired_name_their_source_and_what_to_run()
    {
        using var environment = new AwsEnvironment().Set("AWS_ACCESS_KEY_ID", "ASIAEXPIRED").Set("AWS_SECRET_ACCESS_KEY", "expired-secret").Set("AWS_SESSION_TOKEN", "old");
        await using var server = await ScriptedHttpServer.StartAsync((context, _) => RdsReplies.Error(context, 400, "ExpiredToken", "The security token included in the request is expired"));
        using var client = await RdsClientFactory.CreateAsync(new RdsClientOptions { Endpoint = server.Endpoint, Region = "eu-west-1" });

        var error = await Assert.ThrowsAsync<RdsException>(() => client.DescribeDBClustersAsync(new DescribeDBClustersRequest()));

        Assert.Equal((RdsErrorKind.Credentials, "ExpiredToken"), (error.Kind, error.ErrorCode));
        Assert.Equal(
            "ExpiredToken: The security token included in the request is expired (credentials from environment variables: set fresh AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN, or unset them and run 'aws configure')",
            error.Message);
    }

    /// <summary>A Describe call on a sandbox that verifies signatures with <paramref name="expected"/> only, so success proves those keys signed it.</summary>
    private static async Task<RdsTargetInfo> DescribeOnVerifyingSandboxAsync(AccessKey expected, string? profile = null)
    {
        await using var sandbox = await SandboxFixture.StartAsync(options => options with { VerifySignaturesWith = [expected] });
        using var client = await RdsClientFactory.CreateAsync(new RdsClientOptions
        {
            Endpoint = sandbox.Uri,
            Region = "us-east-1",
            Profile = profile,
            TimeProvider = sandbox.Time,
        });

        var answer = await client.DescribeDBClustersAsync(new DescribeDBClustersRequest());

        Assert.Empty(answer.DBClusters);
        return client.Target;
    }
}
