using LabRunner.Content.Model;
using LabRunner.Engine.Checks;
using LabRunner.Engine.Class;
using LabRunner.TestSupport.Class;

namespace LabRunner.Engine.Tests.Class;

/// <summary>The shipped aurora-backup lab and its learners, as the class view sees them.</summary>
internal static class ClassLabs
{
    public static Lab Aurora => SeededClass.Lab;

    public static ClassLearner Learner(string name, LearnerSources sources = LearnerSources.Roster) =>
        new(ClassLearner.Bind(Aurora, new Dictionary<string, string> { ["yourname"] = name }, CheckKinds.Default).Plan!, sources, rosterLine: null);
}
