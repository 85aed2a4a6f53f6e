using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace LabRunner.Content.Model;

public enum PatternMatch
{
    Matches,
    DoesNotMatch,
    /// <summary>The pattern backtracks so much that matching was stopped after <see cref="VariablePatterns.BacktrackingBudget"/>.</summary>
    TooSlow,
}

/// <summary>
/// A variable's pattern, matched against the whole value. Matched without backtracking (time linear in the value) when
/// the pattern allows it; a pattern that needs backtracking (back-references, look-arounds, atomic groups) gets a time
/// budget, and running out of it is an answer, not an exception.
/// </summary>
public static class VariablePatterns
{
    public static readonly TimeSpan BacktrackingBudget = TimeSpan.FromMilliseconds(250);

    /// <summary>Each pattern text compiled once, for as long as the variable holding it lives.</summary>
    private static readonly ConditionalWeakTable<string, Regex> Compiled = [];

    /// <exception cref="ArgumentException">The pattern is not a valid regular expression.</exception>
    public static PatternMatch Match(string pattern, string value)
    {
        try
        {
            return Compiled.GetValue(pattern, Compile).IsMatch(value) ? PatternMatch.Matches : PatternMatch.DoesNotMatch;
        }
        catch (RegexMatchTimeoutException)
        {
            return PatternMatch.TooSlow;
        }
    }

    /// <summary>Why <paramref name="pattern"/> is not a usable regular expression, or null.</summary>
    public static string? Problem(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant);
        }
        catch (ArgumentException exception)
        {
            return exception.Message;
        }
        try
        {
            _ = Compiled.GetValue(pattern, Compile);
            return null;
        }
        catch (ArgumentException)
        {
            return "it cannot be matched against a whole value (something in it, such as a (?x) comment, swallows what follows it)";
        }
    }

    private static Regex Compile(string pattern)
    {
        var whole = $@"\A(?:{pattern})\z";
        try
        {
            return new Regex(whole, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
        }
        catch (NotSupportedException)
        {
            return new Regex(whole, RegexOptions.CultureInvariant, BacktrackingBudget);
        }
    }
}
