using LabRunner.Engine.Targets;

namespace LabRunner.Engine.Tests.Targets;

public sealed class TargetInfoTests
{
    [Theory]
    [InlineData(TargetKind.Sandbox, "http://127.0.0.1:5000/", null, null, "SANDBOX (local practice, built into LabRunner)")]
    [InlineData(TargetKind.Aws, "https://rds.eu-west-1.amazonaws.com/", "eu-west-1", "workshop", "AWS eu-west-1 profile workshop (https://rds.eu-west-1.amazonaws.com/)")]
    [InlineData(TargetKind.Aws, "http://127.0.0.1:4566/", "us-east-1", null, "RDS endpoint 127.0.0.1:4566 us-east-1 (http://127.0.0.1:4566/)")]
    public void A_stand_in_endpoint_is_never_described_as_AWS(TargetKind kind, string endpoint, string? region, string? profile, string expected)
    {
        var target = new TargetInfo(kind, new Uri(endpoint), region, profile);

        Assert.Equal(expected, target.Description);
        Assert.Equal(endpoint.Contains("amazonaws.com", StringComparison.Ordinal), target.IsAmazon);
    }
}
