namespace LabRunner.Engine.Class;

/// <summary>A class that can be read again: one account (<see cref="ClassRoom"/>) or learners' passes (<see cref="PassClass"/>).</summary>
public interface IClassReader
{
    /// <summary>Reads and judges every learner; what cannot be read is in the board, not thrown.</summary>
    Task<ClassBoard> RefreshAsync(CancellationToken cancellationToken = default);
}
