using LabRunner.Content.Learners;
using LabRunner.Content.Loading;
using LabRunner.Content.Model;
using LabRunner.Engine.Checks;
using LabRunner.Engine.Class;
using LabRunner.TestSupport;

namespace LabRunner.Engine.Tests.Class;

/// <summary>The shipped aurora-backup lab and its learners, as the class view sees them.</summary>
internal static class ClassLabs
{
    private static readonly Lazy<Lab> LazyAurora = new(() =>
        LabLoader.Load(Repository.PathOf("labs", "aurora-backup")).Lab ?? throw new InvalidOperationException("labs/aurora-backup does not load"));

    public static Lab Aurora => LazyAurora.Value;

    public static ClassLearner Learner(string name, LearnerSources sources = LearnerSources.Roster) =>
        ClassLearner.Bind(Aurora, LearnerBinding.Bind(Aurora, new Dictionary<string, string> { ["yourname"] = name }).Learner!, CheckKinds.Default, sources);
}
