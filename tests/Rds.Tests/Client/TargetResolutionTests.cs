using Amazon.Runtime;
using LabRunner.Rds.Model;
using LabRunner.TestSupport.Http;

namespace LabRunner.Rds.Tests.Client;

/// <summary>Region, endpoint and credentials resolved as the AWS SDKs do, from the environment and temp shared-config files.</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class TargetResolutionTests
{
    private const string DevProfile = """
        [default]
        region = eu-west-1

        [profile dev]
        region = ap-southeast-2
        endpoint_url = http://127.0.0.1:4599
        """;

    private const string DevKeys = """
        [dev]
        aws_access_key_id = AKIADEVPROFILE
        aws_secret_access_key = dev-profile-secret

        [default]
        aws_access_key_id = AKIADEFAULTPROFILE
        aws_secret_access_key = default-profile-secret
        """;

    private static readonly BasicAWSCredentials Fixed = new("AKIAFIXED", "fixed-secret");

    private static Task<RdsQueryClient> Create(RdsClientOptions options) => RdsClientFactory.CreateAsync(options);

    [Fact]
    public async Task Region_explicit_wins_then_AWS_REGION_then_AWS_DEFAULT_REGION_then_the_profile()
    {
        using var environment = new AwsEnvironment().Config(DevProfile)
            .Set("AWS_REGION", "us-west-2").Set("AWS_DEFAULT_REGION", "ca-central-1");
        var options = new RdsClientOptions { Credentials = Fixed };

        using (var explicitRegion = await Create(options with { Region = "sa-east-1" }))
        {
            Assert.Equal(("sa-east-1", "explicit"), (explicitRegion.Target.Region, explicitRegion.Target.RegionSource));
        }

        using (var fromAwsRegion = await Create(options))
        {
            Assert.Equal(("us-west-2", "AWS_REGION"), (fromAwsRegion.Target.Region, fromAwsRegion.Target.RegionSource));
        }

        environment.Set("AWS_REGION", null);
        using (var fromDefaultRegion = await Create(options))
        {
            Assert.Equal(("ca-central-1", "AWS_DEFAULT_REGION"), (fromDefaultRegion.Target.Region, fromDefaultRegion.Target.RegionSource));
        }

        environment.Set("AWS_DEFAULT_REGION", null);
        using (var fromDefaultProfile = await Create(options))
        {
            Assert.Equal(("eu-west-1", "profile 'default'", "default"), (fromDefaultProfile.Target.Region, fromDefaultProfile.Target.RegionSource, fromDefaultProfile.Target.Profile));
        }

        using var fromNamedProfile = await Create(options with { Profile = "dev" });
        Assert.Equal(("ap-southeast-2", "profile 'dev'"), (fromNamedProfile.Target.Region, fromNamedProfile.Target.RegionSource));
    }

    [Fact]
    public async Task No_region_anywhere_is_a_clear_configuration_error()
    {
        using var environment = new AwsEnvironment();

        var error = await Assert.ThrowsAsync<RdsException>(() => Create(new RdsClientOptions { Credentials = Fixed }));

        Assert.Equal((RdsErrorKind.Configuration, "NoRegion"), (error.Kind, error.ErrorCode));
        Assert.Equal("No AWS region is set: pass --region, set AWS_REGION or AWS_DEFAULT_REGION, or add 'region = ...' to profile 'default'.", error.Message);
    }

    [Fact]
    public async Task A_region_that_is_not_a_region_name_is_refused()
    {
        using var environment = new AwsEnvironment().Set("AWS_REGION", "EU West");

        var error = await Assert.ThrowsAsync<RdsException>(() => Create(new RdsClientOptions { Credentials = Fixed }));

        Assert.Equal("InvalidRegion", error.ErrorCode);
        Assert.Contains("'EU West' (from AWS_REGION)", error.Message);
    }

    [Fact]
    public async Task Endpoint_explicit_wins_then_AWS_ENDPOINT_URL_RDS_then_AWS_ENDPOINT_URL_then_the_profile_then_regional()
    {
        using var environment = new AwsEnvironment().Config(DevProfile)
            .Set("AWS_ENDPOINT_URL_RDS", "http://127.0.0.1:4501").Set("AWS_ENDPOINT_URL", "http://127.0.0.1:4502");
        var options = new RdsClientOptions { Credentials = Fixed, Profile = "dev" };

        async Task<(string, string)> Endpoint(RdsClientOptions o)
        {
            using var client = await Create(o);
            return (client.Target.Endpoint.ToString(), client.Target.EndpointSource);
        }

        Assert.Equal(("http://127.0.0.1:4500/", "explicit"), await Endpoint(options with { Endpoint = new Uri("http://127.0.0.1:4500") }));
        Assert.Equal(("http://127.0.0.1:4501/", "AWS_ENDPOINT_URL_RDS"), await Endpoint(options));
        environment.Set("AWS_ENDPOINT_URL_RDS", null);
        Assert.Equal(("http://127.0.0.1:4502/", "AWS_ENDPOINT_URL"), await Endpoint(options));
        environment.Set("AWS_ENDPOINT_URL", null);
        Assert.Equal(("http://127.0.0.1:4599/", "profile 'dev'"), await Endpoint(options));
        Assert.Equal(("https://rds.eu-west-1.amazonaws.com/", "regional"), await Endpoint(options with { Profile = null }));
        Assert.Equal(("https://rds.cn-north-1.amazonaws.com.cn/", "regional"), await Endpoint(options with { Profile = null, Region = "cn-north-1" }));
        environment.Set("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true").Set("AWS_ENDPOINT_URL", "http://127.0.0.1:4502");
        Assert.Equal(("https://rds.ap-southeast-2.amazonaws.com/", "regional"), await Endpoint(options));
    }

    [Theory]
    [InlineData("ftp://127.0.0.1/")]
    [InlineData("127.0.0.1:4566")]
    [InlineData("http://127.0.0.1:4566/?x=1")]
    public async Task An_endpoint_that_is_not_an_http_url_names_its_source(string value)
    {
        using var environment = new AwsEnvironment().Set("AWS_ENDPOINT_URL_RDS", value);

        var error = await Assert.ThrowsAsync<RdsException>(() => Create(new RdsClientOptions { Credentials = Fixed, Region = "us-east-1" }));

        Assert.Equal((RdsErrorKind.Configuration, "InvalidEndpoint"), (error.Kind, error.ErrorCode));
        Assert.Contains($"'{value}' (from AWS_ENDPOINT_URL_RDS)", error.Message);
    }

    [Fact]
    public async Task Environment_keys_win_over_AWS_PROFILE()
    {
        using var environment = new AwsEnvironment().Config(DevProfile).Credentials(DevKeys)
            .Set("AWS_PROFILE", "dev").Set("AWS_ACCESS_KEY_ID", "AKIAFROMENV").Set("AWS_SECRET_ACCESS_KEY", "env-secret");

        var (target, signedBy) = await SignedCallAsync(new RdsClientOptions());

        Assert.Equal("environment variables", target.CredentialSource);
        Assert.Equal("AKIAFROMENV", signedBy);
        Assert.Equal(("ap-southeast-2", "profile 'dev'"), (target.Region, target.RegionSource));
    }

    [Fact]
    public async Task An_explicit_profile_wins_over_environment_keys()
    {
        using var environment = new AwsEnvironment().Config(DevProfile).Credentials(DevKeys)
            .Set("AWS_ACCESS_KEY_ID", "AKIAFROMENV").Set("AWS_SECRET_ACCESS_KEY", "env-secret");

        var (target, signedBy) = await SignedCallAsync(new RdsClientOptions { Profile = "dev" });

        Assert.Equal(("profile 'dev'", "dev"), (target.CredentialSource, target.Profile));
        Assert.Equal("AKIADEVPROFILE", signedBy);
    }

    [Fact]
    public async Task AWS_PROFILE_is_used_when_there_are_no_environment_keys()
    {
        using var environment = new AwsEnvironment().Config(DevProfile).Credentials(DevKeys).Set("AWS_PROFILE", "dev");

        var (target, signedBy) = await SignedCallAsync(new RdsClientOptions());

        Assert.Equal("profile 'dev'", target.CredentialSource);
        Assert.Equal("AKIADEVPROFILE", signedBy);
    }

    [Fact]
    public async Task The_default_profile_is_the_last_resort_before_instance_metadata()
    {
        using var environment = new AwsEnvironment().Config(DevProfile).Credentials(DevKeys);

        var (target, signedBy) = await SignedCallAsync(new RdsClientOptions());

        Assert.Equal("profile 'default'", target.CredentialSource);
        Assert.Equal("AKIADEFAULTPROFILE", signedBy);
    }

    [Fact]
    public async Task A_session_token_from_the_environment_is_sent_and_signed()
    {
        using var environment = new AwsEnvironment().Set("AWS_REGION", "us-east-1")
            .Set("AWS_ACCESS_KEY_ID", "ASIATEMP").Set("AWS_SECRET_ACCESS_KEY", "temp-secret").Set("AWS_SESSION_TOKEN", "the-session-token");
        await using var server = await ScriptedHttpServer.StartAsync((context, _) => RdsReplies.Success(context, "DescribeDBClusters", "<DBClusters/>"));
        using var client = await Create(new RdsClientOptions { Endpoint = server.Endpoint });

        await client.DescribeDBClustersAsync(new DescribeDBClustersRequest());

        var request = Assert.Single(server.Requests);
        Assert.Equal("the-session-token", request.Header("X-Amz-Security-Token"));
        Assert.Contains("SignedHeaders=amz-sdk-invocation-id;amz-sdk-request;content-type;host;x-amz-date;x-amz-security-token,", request.Header("Authorization"));
    }

    [Fact]
    public async Task No_credentials_anywhere_is_a_helpful_credentials_error()
    {
        using var environment = new AwsEnvironment().Set("AWS_REGION", "us-east-1");

        var error = await Assert.ThrowsAsync<RdsException>(() => Create(new RdsClientOptions()));

        Assert.Equal((RdsErrorKind.Credentials, "NoCredentials"), (error.Kind, error.ErrorCode));
        Assert.Equal("No AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, run 'aws configure' (or 'aws sso login'), or pass --profile.", error.Message);
    }

    [Fact]
    public async Task An_unknown_profile_is_named_whether_passed_or_set_in_AWS_PROFILE()
    {
        using var environment = new AwsEnvironment().Config(DevProfile).Set("AWS_REGION", "us-east-1");

        var passed = await Assert.ThrowsAsync<RdsException>(() => Create(new RdsClientOptions { Profile = "prod" }));
        environment.Set("AWS_PROFILE", "staging");
        var fromEnvironment = await Assert.ThrowsAsync<RdsException>(() => Create(new RdsClientOptions()));

        Assert.Equal((RdsErrorKind.Configuration, "ProfileNotFound"), (passed.Kind, passed.ErrorCode));
        Assert.StartsWith("AWS profile 'prod' was not found in ", passed.Message);
        Assert.StartsWith("AWS profile 'staging' was not found in ", fromEnvironment.Message);
    }

    [Fact]
    public async Task A_profile_without_keys_says_so()
    {
        using var environment = new AwsEnvironment().Config(DevProfile);

        var error = await Assert.ThrowsAsync<RdsException>(() => Create(new RdsClientOptions { Profile = "dev" }));

        Assert.Equal((RdsErrorKind.Credentials, "NoCredentials"), (error.Kind, error.ErrorCode));
        Assert.Contains("profile 'dev' holds no usable credentials", error.Message);
    }

    [Fact]
    public async Task Fixed_credentials_need_no_files_and_the_target_never_shows_a_secret()
    {
        using var environment = new AwsEnvironment().Set("AWS_PROFILE", "does-not-exist");

        using var client = await Create(new RdsClientOptions { Credentials = Fixed, Region = "us-east-1", Endpoint = new Uri("http://127.0.0.1:4566") });

        Assert.Equal(
            new RdsTargetInfo(new Uri("http://127.0.0.1:4566/"), "explicit", "us-east-1", "explicit", null, "explicit"),
            client.Target);
        Assert.DoesNotContain("fixed-secret", client.Target.ToString());
    }

    private static async Task<(RdsTargetInfo Target, string AccessKey)> SignedCallAsync(RdsClientOptions options)
    {
        await using var server = await ScriptedHttpServer.StartAsync((context, _) => RdsReplies.Success(context, "DescribeDBClusters", "<DBClusters/>"));
        using var client = await Create(options with { Endpoint = server.Endpoint });
        await client.DescribeDBClustersAsync(new DescribeDBClustersRequest());

        var authorization = Assert.Single(server.Requests).Header("Authorization")!;
        var credential = authorization.Split(' ', ',')[1]; // Credential=KEY/date/region/rds/aws4_request
        return (client.Target, credential["Credential=".Length..].Split('/')[0]);
    }
}
