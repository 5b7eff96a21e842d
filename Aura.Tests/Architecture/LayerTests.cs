using Assembly = System.Reflection.Assembly;
using Aura.Core.Jobs;
using ArchUnitNET.Domain;
using ArchUnitNET.Fluent;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;
using static ArchUnitNET.Fluent.Slices.SliceRuleDefinition;

namespace Aura.Tests.Architecture;

/// <summary>
/// The authority on the house's layers (docs/architecture.md describes them): each layer of Aura.Core
/// may use only the layers below it, the API may use all of Core, and no two folders use each other.
/// A forbidden reference fails here even when it compiles.
/// </summary>
public sealed class LayerTests
{
    private static readonly Assembly CoreAssembly = typeof(JobCommands).Assembly;
    private static readonly Assembly ApiAssembly = typeof(Aura.Api.ApiServiceCollectionExtensions).Assembly;

    private static readonly ArchUnitNET.Domain.Architecture House =
        new ArchLoader().LoadAssemblies(CoreAssembly, ApiAssembly).Build();

    /// <summary>Every layer, bottom up, with the layers it may use. Nothing else in Aura is allowed.</summary>
    public static readonly TheoryData<string, string[]> Layers = new()
    {
        { "Aura.Core.Kernel", [] },
        { "Aura.Core.Media", ["Aura.Core.Kernel"] },
        { "Aura.Core.Storage", ["Aura.Core.Kernel"] },
        { "Aura.Core.Pipeline", ["Aura.Core.Kernel", "Aura.Core.Media"] },
        { "Aura.Core.Jobs", ["Aura.Core.Kernel", "Aura.Core.Media", "Aura.Core.Storage", "Aura.Core.Pipeline"] },
    };

    private static readonly string[] AllLayers =
        ["Aura.Core.Kernel", "Aura.Core.Media", "Aura.Core.Storage", "Aura.Core.Pipeline", "Aura.Core.Jobs", "Aura.Api"];

    [Theory]
    [MemberData(nameof(Layers))]
    public void A_layer_uses_only_the_layers_below_it(string layer, string[] allowed)
    {
        var forbidden = AllLayers.Where(other => other != layer && !allowed.Contains(other)).ToArray();
        Types().That().ResideInNamespaceOrBelow(layer)
            .Should().NotDependOnAny(InAny(forbidden))
            .Because($"{layer} may use only {(allowed.Length == 0 ? "nothing else in Aura" : string.Join(", ", allowed))}")
            .Check(House);
    }

    [Fact]
    public void The_layers_of_Core_use_each_other_in_no_circle() =>
        Slices().Matching("Aura.Core.(*)..").Should().BeFreeOfCycles().Check(House);

    [Fact]
    public void The_folders_of_the_API_use_each_other_in_no_circle() =>
        Slices().Matching("Aura.Api.(*)..").Should().BeFreeOfCycles().Check(House);

    [Fact]
    public void Every_type_of_Core_lives_in_a_layer()
    {
        var strays = CoreAssembly.GetTypes()
            .Where(t => t.Namespace is { } ns && ns.StartsWith("Aura", StringComparison.Ordinal))
            .Where(t => !AllLayers.Any(layer => t.Namespace == layer || t.Namespace!.StartsWith(layer + ".", StringComparison.Ordinal)))
            .Select(t => t.FullName)
            .ToList();
        Assert.Empty(strays);
    }

    [Fact]
    public void Core_does_not_reference_ASP_NET_Core() =>
        Assert.DoesNotContain(CoreAssembly.GetReferencedAssemblies(),
            reference => reference.Name!.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));

    private static IObjectProvider<IType> InAny(string[] namespaces)
    {
        var types = Types().That().ResideInNamespaceOrBelow(namespaces[0]);
        foreach (var ns in namespaces.Skip(1))
            types = types.Or().ResideInNamespaceOrBelow(ns);
        return types;
    }
}
