using LabRunner.Content.Findings;
using LabRunner.Content.Kinds;
using LabRunner.Content.Learners;
using LabRunner.Content.Model;
using LabRunner.Content.Text;
using YamlDotNet.RepresentationModel;

namespace LabRunner.Content.Loading;

/// <summary>Reads a check, action or fixture (<c>kind:</c> plus parameters) and validates it against the <see cref="KindCatalog"/>.</summary>
internal sealed class KindSpecReader(ManifestContext context, KindCatalog catalog, IdentifierWitness identifiers, LearnerOwnership ownership)
{
    private const string SnapshotParameter = "snapshot";
    private const string ClusterParameter = "cluster";

    public KindSpec? Read(YamlNode node, KindRole role)
    {
        var roleName = KindDefinition.RoleName(role);
        if (node is not YamlMappingNode mapping)
        {
            context.Report(FindingCodes.BadValue, node, $"expected {KindDefinition.RoleWithArticle(role)} ('kind:' and its parameters), found {MappingReader.Describe(node)}");
            return null;
        }
        var entries = mapping.Children
            .Select(entry => (Key: context.ScalarKey(entry.Key, roleName), KeyNode: entry.Key, entry.Value))
            .Where(entry => entry.Key is not null)
            .ToList();
        var kindEntry = entries.FirstOrDefault(entry => entry.Key == "kind");
        if (kindEntry.Value is not YamlScalarNode { Value: { Length: > 0 } kindName } kindNode)
        {
            context.Report(FindingCodes.MissingKey, mapping, $"{roleName} has no 'kind'");
            return null;
        }
        if (catalog.Find(role, kindName) is not { } definition)
        {
            context.Report(FindingCodes.UnknownKind, kindNode, UnknownKindMessage(role, kindName));
            return null;
        }
        var parameters = new Dictionary<string, SpecValue>(StringComparer.Ordinal);
        foreach (var (key, keyNode, value) in entries.Where(entry => entry.Key != "kind"))
        {
            if (definition.Parameter(key!) is not { } parameter)
            {
                context.Report(FindingCodes.UnknownParameter, keyNode,
                    $"{definition} takes no parameter '{Echo.Of(key)}'{DidYouMean.Suffix(key!, definition.Parameters.Select(p => p.Name))}");
                continue;
            }
            if (ReadValue(definition, parameter, value, role) is { } specValue)
                parameters[parameter.Name] = specValue;
        }
        ReportMissingParameters(definition, mapping, entries.Select(entry => entry.Key!).ToHashSet());
        if (role == KindRole.Check)
            ReportSnapshotNotTiedToCluster(definition, mapping, parameters);
        return new KindSpec(definition.Name, parameters, context.At(mapping));
    }

    /// <summary>
    /// A check on the learner's own snapshot must also hold it to the learner's cluster: a snapshot with the learner's
    /// snapshot name can be taken from any cluster, and without the tie it would pass.
    /// </summary>
    private void ReportSnapshotNotTiedToCluster(KindDefinition definition, YamlMappingNode mapping, Dictionary<string, SpecValue> parameters)
    {
        if (definition.Parameter(SnapshotParameter) is null || definition.Parameter(ClusterParameter) is null
            || !parameters.TryGetValue(SnapshotParameter, out var snapshot) || ownership.WhyNotOwned(snapshot.Value) is not null)
            return;
        var subject = $"{definition} looks at the learner's snapshot '{Echo.Of(snapshot.Value.Source)}'";
        if (!parameters.TryGetValue(ClusterParameter, out var cluster))
            context.Report(FindingCodes.SnapshotNotTiedToCluster, mapping,
                $"{subject} without '{ClusterParameter}', so a snapshot of that name taken from another cluster passes; add '{ClusterParameter}:' naming the learner's cluster");
        else if (ownership.WhyNotOwned(cluster.Value) is { } notOwned)
            context.Report(FindingCodes.SnapshotNotTiedToCluster.At(cluster.Location,
                $"{subject} but ties it to cluster '{Echo.Of(cluster.Value.Source)}', which is not the learner's: {notOwned}"));
    }

    private SpecValue? ReadValue(KindDefinition definition, ParameterDefinition parameter, YamlNode value, KindRole role)
    {
        if (value is not YamlScalarNode scalar || ManifestContext.IsNull(value))
        {
            context.Report(FindingCodes.BadParameter, value,
                $"parameter '{parameter.Name}' of {definition} must be a single value, not {MappingReader.Describe(value)}");
            return null;
        }
        var template = context.ReadTemplate(scalar, $"parameter '{parameter.Name}' of {definition}");
        if (parameter.Type == ParameterType.Identifier)
        {
            if (identifiers.NeverValidReason(template) is { } reason)
                context.Report(FindingCodes.NeverAnIdentifier, value, $"parameter '{parameter.Name}' of {definition}: {reason}");
            if (role == KindRole.Action && ownership.WhyNotOwned(template) is { } notOwned)
                context.Report(FindingCodes.NotTheLearners, value, $"parameter '{parameter.Name}' of {definition} names '{Echo.Of(template.Source)}', which LabRunner would change: {notOwned}");
        }
        else if (!template.Placeholders.Any() && parameter.Problem(template.Source) is { } problem)
        {
            context.Report(FindingCodes.BadParameter, value, $"parameter '{parameter.Name}' of {definition}: {problem}");
        }
        return new SpecValue(template, context.At(value));
    }

    private void ReportMissingParameters(KindDefinition definition, YamlMappingNode mapping, HashSet<string> given)
    {
        foreach (var missing in definition.RequiredParameters.Where(parameter => !given.Contains(parameter.Name)))
            context.Report(FindingCodes.MissingParameter, mapping, $"{definition} needs '{missing.Name}'");
        if (definition.AtLeastOneOf.Count > 0 && !definition.AtLeastOneOf.Any(given.Contains))
            context.Report(FindingCodes.MissingParameter, mapping, $"{definition} needs at least one of {string.Join(", ", definition.AtLeastOneOf)}");
    }

    private string UnknownKindMessage(KindRole role, string kindName)
    {
        var roleName = KindDefinition.RoleName(role);
        var otherRole = catalog.All.FirstOrDefault(kind => kind.Name == kindName);
        if (otherRole is not null)
            return $"'{Echo.Of(kindName)}' is {KindDefinition.RoleWithArticle(otherRole.Role)} kind, not {KindDefinition.RoleWithArticle(role)} kind";
        var known = catalog.OfRole(role).Select(kind => kind.Name).ToList();
        return $"unknown {roleName} kind '{Echo.Of(kindName)}'{DidYouMean.Suffix(kindName, known)}; {roleName} kinds: {string.Join(", ", known)}";
    }
}
