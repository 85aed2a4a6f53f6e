namespace LabRunner.Engine.Specs;

/// <summary>A check or action kind: its name in lab.yaml (<c>kind: db-cluster</c>) and the parameters it takes.</summary>
public interface IKind
{
    string Name { get; }

    IReadOnlyList<KindParameter> Parameters { get; }
}
