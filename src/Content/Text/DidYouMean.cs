using Quickenshtein;

namespace LabRunner.Content.Text;

/// <summary>Suggests the closest known name for a misspelt one.</summary>
public static class DidYouMean
{
    /// <summary>The closest candidate within a third of the name's length in edits (at least 2), or null.</summary>
    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        var allowed = Math.Max(2, name.Length / 3);
        return candidates
            .Select(candidate => (candidate, distance: Levenshtein.GetDistance(name.ToLowerInvariant(), candidate.ToLowerInvariant())))
            .Where(pair => pair.distance <= allowed)
            .OrderBy(pair => pair.distance)
            .Select(pair => pair.candidate)
            .FirstOrDefault();
    }

    /// <summary><c> (did you mean 'x'?)</c>, or empty when nothing is close.</summary>
    public static string Suffix(string name, IEnumerable<string> candidates) =>
        Closest(name, candidates) is { } closest ? $" (did you mean '{closest}'?)" : "";
}
