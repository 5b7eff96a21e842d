using Aura.Core.Kernel;

namespace Aura.Core.Pipeline.Scripts;

/// <summary>The sentences a scene may say, already filled in. Leads open the scene; sign-offs (longest first) end it.</summary>
/// <param name="ForcedLead">Said when no lead fits the budget, even if it alone is over (the opening must name the topic).</param>
/// <param name="Essentials">Said right after the lead, in order, when they fit: what makes the brief's audience and goal heard.</param>
/// <param name="EssentialsAreAThread">Each essential builds on the one before, so none is said once one does not fit.</param>
internal sealed record SceneRecipe(
    IReadOnlyList<string> Leads,
    string? ForcedLead,
    IReadOnlyList<string> Essentials,
    IReadOnlyList<string> Pool,
    IReadOnlyList<string> Fillers,
    IReadOnlyList<string> SignOffs,
    bool EssentialsAreAThread = false);

/// <summary>
/// Fills a scene up to its word budget (words as <see cref="NarrationText.SpokenWeight"/> counts them), greedily and deterministically: a lead, then pool sentences in a
/// seeded order after the essentials (again, if the scene is long enough to need more), then short fillers, then the sign-off.
/// </summary>
internal sealed class NarrationComposer(ulong seed)
{
    public string Compose(SceneRecipe recipe, int budget, int sceneIndex)
    {
        var random = new SeededOrder(seed ^ ((ulong)(sceneIndex + 1) * 0x9E3779B97F4A7C15UL));
        var minSignOff = recipe.SignOffs.Count == 0 ? 0 : recipe.SignOffs.Min(Words);
        var firstEssential = recipe.Essentials.Count == 0 ? 0 : Words(recipe.Essentials[0]);
        var leads = random.Shuffle(recipe.Leads);
        // Prefer a lead that leaves room for the first essential and a sign-off, then one that leaves a sign-off.
        var lead = leads.FirstOrDefault(l => Words(l) + firstEssential + minSignOff <= budget)
            ?? leads.FirstOrDefault(l => Words(l) + minSignOff <= budget)
            ?? leads.FirstOrDefault(l => Words(l) <= budget)
            ?? recipe.ForcedLead;

        var remaining = budget - (lead is null ? 0 : Words(lead)) - minSignOff;
        var middle = new List<string>();
        foreach (var essential in recipe.Essentials)
        {
            if (Words(essential) > remaining)
            {
                if (recipe.EssentialsAreAThread) break;
                continue;
            }
            middle.Add(essential);
            remaining -= Words(essential);
        }
        // The longest sign-off that fits in what is left, now that the essentials are in.
        var signOff = recipe.SignOffs.FirstOrDefault(s => Words(s) <= remaining + minSignOff);
        remaining += minSignOff - (signOff is null ? 0 : Words(signOff));

        for (var added = true; added && recipe.Pool.Count > 0;)
        {
            added = false;
            foreach (var sentence in random.Shuffle(recipe.Pool))
            {
                if (Words(sentence) > remaining || (middle.Count > 0 && middle[^1] == sentence)) continue;
                middle.Add(sentence);
                remaining -= Words(sentence);
                added = true;
            }
        }
        foreach (var filler in random.Shuffle(recipe.Fillers))
        {
            if (Words(filler) > remaining) continue;
            middle.Add(filler);
            remaining -= Words(filler);
        }

        IEnumerable<string?> all = [lead, .. middle, signOff];
        return string.Join(' ', all.OfType<string>());
    }

    private static int Words(string sentence) => NarrationText.SpokenWeight(sentence);
}

/// <summary>SplitMix64: a tiny PRNG whose sequence never changes between .NET versions (unlike a seeded Random).</summary>
internal sealed class SeededOrder(ulong state)
{
    public IReadOnlyList<T> Shuffle<T>(IReadOnlyList<T> items)
    {
        var copy = items.ToArray();
        for (var i = copy.Length - 1; i > 0; i--)
        {
            var j = (int)(Next() % (ulong)(i + 1));
            (copy[i], copy[j]) = (copy[j], copy[i]);
        }
        return copy;
    }

    private ulong Next()
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>FNV-1a over the UTF-16 text: stable across processes, unlike string.GetHashCode.</summary>
    public static ulong Hash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        return hash;
    }
}
