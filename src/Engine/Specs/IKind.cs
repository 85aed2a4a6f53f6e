namespace LabRunner.Engine.Specs;

/// <summary>
/// A check or action kind, named as in lab.yaml (<c>kind: db-cluster</c>). Its parameters, their types and which are
/// required come from labs/lab.schema.json; the content's <c>SpecBinding</c> renders and validates them for a learner.
/// </summary>
public interface IKind
{
    string Name { get; }
}
