using LabRunner.Content.Model;
using LabRunner.Content.Text;

namespace LabRunner.Content.Loading;

/// <summary>The variables and resources a template may name.</summary>
internal sealed class PlaceholderScope(IReadOnlyDictionary<string, string> declaredNamesByKey, string kindOfScope)
{
    public static readonly PlaceholderScope Empty = new(new Dictionary<string, string>(), "");

    /// <summary>What resource templates may name: variables only.</summary>
    public static PlaceholderScope VariablesOf(IEnumerable<LabVariable> variables) =>
        new(Names(variables.Select(variable => variable.Name)), "a variable (resources are built from variables only)");

    /// <summary>Every variable and resource of <paramref name="lab"/>: what its pages and specs may name.</summary>
    public static PlaceholderScope Of(Lab lab) => Of(lab.Variables, lab.Resources);

    public static PlaceholderScope Of(IEnumerable<LabVariable> variables, IEnumerable<ResourceTemplate> resources) =>
        new(Names(variables.Select(variable => variable.Name).Concat(resources.Select(resource => resource.Name))), "a variable or resource");

    private static Dictionary<string, string> Names(IEnumerable<string> names) =>
        names.GroupBy(PlaceholderKey.Of).ToDictionary(group => group.Key, group => group.First());

    public bool Defines(Placeholder placeholder) => declaredNamesByKey.ContainsKey(placeholder.Key);

    public string Describe(Placeholder placeholder) =>
        $"not {kindOfScope}{DidYouMean.Suffix(placeholder.Name, declaredNamesByKey.Values)}";
}
