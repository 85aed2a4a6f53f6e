using Amazon.Runtime.CredentialManagement;

namespace LabRunner.Rds.Targeting;

/// <summary>
/// The shared-config profile in play: the one named by the options, else by <c>AWS_PROFILE</c>, else <c>default</c>.
/// AWSSDK.Core reads the files; a profile named on purpose must exist, <c>default</c> may be absent.
/// </summary>
internal sealed class ProfileLookup
{
    public const string DefaultName = "default";

    private readonly CredentialProfileStoreChain store = new();
    private readonly Lazy<CredentialProfile?> profile;

    public ProfileLookup(string? explicitName)
    {
        IsExplicit = !string.IsNullOrWhiteSpace(explicitName);
        var fromEnvironment = Environment.GetEnvironmentVariable("AWS_PROFILE");
        Name = IsExplicit ? explicitName!.Trim()
            : string.IsNullOrWhiteSpace(fromEnvironment) ? DefaultName
            : fromEnvironment.Trim();
        NamedOnPurpose = IsExplicit || Name != DefaultName;
        profile = new Lazy<CredentialProfile?>(Find);
    }

    public string Name { get; }

    /// <summary>Named by the options (<c>--profile</c>), not by the environment.</summary>
    public bool IsExplicit { get; }

    public CredentialProfileStoreChain Store => store;

    /// <summary>Null when no profile of that name exists (only possible for <c>default</c>).</summary>
    public CredentialProfile? Profile => profile.Value;

    /// <summary>The profile's name if something was read from it, for display.</summary>
    public string? ConsultedName => profile.IsValueCreated && profile.Value is not null ? Name : null;

    private bool NamedOnPurpose { get; }

    private CredentialProfile? Find()
    {
        if (store.TryGetProfile(Name, out var found))
        {
            return found;
        }

        if (NamedOnPurpose)
        {
            throw new RdsException(
                RdsErrorKind.Configuration,
                "ProfileNotFound",
                $"AWS profile '{Name}' was not found in {SharedCredentialsFile.DefaultConfigFilePath} or {SharedCredentialsFile.DefaultFilePath}.");
        }

        return null;
    }
}
