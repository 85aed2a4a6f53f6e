using System.Text.RegularExpressions;

namespace LabRunner.Rds.Targeting;

/// <summary>Region: explicit, else <c>AWS_REGION</c>, else <c>AWS_DEFAULT_REGION</c>, else the profile's, else a clear error.</summary>
internal static partial class RegionResolver
{
    public static (string Region, string Source) Resolve(string? explicitRegion, ProfileLookup profiles)
    {
        var (region, source) = Find(explicitRegion, profiles);
        if (!RegionName().IsMatch(region))
        {
            throw new RdsException(
                RdsErrorKind.Configuration,
                "InvalidRegion",
                $"Region '{region}' (from {source}) is not a region name such as us-east-1.");
        }

        return (region, source);
    }

    private static (string Region, string Source) Find(string? explicitRegion, ProfileLookup profiles)
    {
        if (!string.IsNullOrWhiteSpace(explicitRegion))
        {
            return (explicitRegion.Trim(), "explicit");
        }

        foreach (var variable in (string[])["AWS_REGION", "AWS_DEFAULT_REGION"])
        {
            var value = Environment.GetEnvironmentVariable(variable);
            if (!string.IsNullOrWhiteSpace(value))
            {
                return (value.Trim(), variable);
            }
        }

        var fromProfile = profiles.Profile?.Region?.SystemName;
        if (!string.IsNullOrWhiteSpace(fromProfile))
        {
            return (fromProfile, $"profile '{profiles.Name}'");
        }

        throw new RdsException(
            RdsErrorKind.Configuration,
            "NoRegion",
            $"No AWS region is set: pass --region, set AWS_REGION or AWS_DEFAULT_REGION, or add 'region = ...' to profile '{profiles.Name}'.");
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex RegionName();
}
