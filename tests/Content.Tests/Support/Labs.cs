using LabRunner.Content.Loading;
using LabRunner.Content.Model;
using LabRunner.TestSupport;

namespace LabRunner.Content.Tests.Support;

public static class Labs
{
    public static string AuroraBackupPath => Repository.PathOf("labs", "aurora-backup");

    public static Lab AuroraBackup()
    {
        var result = LabLoader.Load(AuroraBackupPath);
        Assert.Empty(result.Findings);
        return result.Lab!;
    }

    /// <summary>A minimal valid manifest (one verified step on pages/step.md) with <paramref name="extra"/> appended at the top level.</summary>
    public static string Minimal(string stepExtra = "", string extra = "") => $"""
        id: tiny
        title: Tiny
        description: A tiny lab.
        estimated-minutes: 1
        variables:
          yourname:
            prompt: Your name
            rds-identifier: true
        resources:
          cluster: lab-{"{yourname}"}-cluster
        sections:
          - title: Only
            steps:
              - id: only-step
                title: Only step
                page: pages/step.md
                verify:
                  - kind: db-cluster
                    cluster: "{"{cluster}"}"
        {stepExtra}
        {extra}
        """;
}
