using System.Runtime.CompilerServices;
using System.Text;
using LabRunner.Sandbox;

namespace LabRunner.Fronts.Tests.Class;

/// <summary>
/// A key of their own for each of <see cref="Count"/> learners, as AWS profiles (<c>--profile learner007</c>) in this
/// test run's own shared credentials file. AWSSDK.Core reads that file's location once per process, so it is set before
/// any test runs; no test reads the machine's ~/.aws.
/// </summary>
internal static class LearnerProfiles
{
    public const int Count = 300;

    private static readonly string Folder = Directory.CreateTempSubdirectory("labrunner-learner-profiles-").FullName;

    public static string NameOf(int learner) => $"learner{learner:000}";

    public static AccessKey KeyOf(int learner) => new($"AKIDLEARNER{learner:000}", $"secret-of-learner-{learner:000}");

    [ModuleInitializer]
    internal static void WriteProfiles()
    {
        var credentials = new StringBuilder();
        for (var learner = 0; learner < Count; learner++)
        {
            var key = KeyOf(learner);
            credentials.Append($"[{NameOf(learner)}]\naws_access_key_id = {key.AccessKeyId}\naws_secret_access_key = {key.SecretAccessKey}\n\n");
        }
        File.WriteAllText(Path.Combine(Folder, "credentials"), credentials.ToString());
        File.WriteAllText(Path.Combine(Folder, "config"), "");
        Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", Path.Combine(Folder, "credentials"));
        Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", Path.Combine(Folder, "config"));
    }
}
