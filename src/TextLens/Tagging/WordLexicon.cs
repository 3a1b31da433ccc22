using System.Collections.Frozen;
using TextLens.Models;

namespace TextLens.Tagging;

/// <summary>
/// Which open word classes a word can belong to according to a dictionary (WordNet 3.0 when the model was
/// trained with one): noun, verb, adjective, adverb — as a base form or as an inflected form (plural, -ed, -ing,
/// -er/-est, irregular forms from WordNet's exception lists). The tagger uses the mask as a feature, which helps
/// most on words it never saw in training. Keys are the tagger's lower-case word hashes.
/// </summary>
internal sealed class WordLexicon
{
    public const byte Noun = 1, Verb = 2, Adj = 4, Adv = 8;
    private const int InflectedShift = 4;

    private readonly FrozenDictionary<ulong, byte> _entries;

    public WordLexicon(IReadOnlyDictionary<ulong, byte> entries) => _entries = entries.ToFrozenDictionary();

    public static WordLexicon Empty { get; } = new(new Dictionary<ulong, byte>());

    public int Count => _entries.Count;

    /// <summary>The class mask of a lower-case word: low 4 bits = base form of, high 4 bits = inflected form of.</summary>
    public int Mask(ReadOnlySpan<char> lower, ulong lowerHash)
    {
        if (_entries.Count == 0) return 0;
        int mask = _entries.TryGetValue(lowerHash, out byte m) ? m : 0;
        int n = lower.Length;
        if (n < 3 || n > 40) return mask;
        Span<char> buf = stackalloc char[n + 1];
        if (lower[^1] == 's')
        {
            mask |= (Base(lower[..^1]) & (Noun | Verb)) << InflectedShift;
            if (n > 3 && lower[^2] == 'e') mask |= (Base(lower[..^2]) & (Noun | Verb)) << InflectedShift;
            if (n > 4 && lower.EndsWith("ies")) mask |= (Base(Join(lower[..^3], 'y', buf)) & (Noun | Verb)) << InflectedShift;
        }
        if (n > 4 && lower.EndsWith("ed"))
        {
            mask |= (Base(lower[..^2]) & Verb) << InflectedShift;
            mask |= (Base(lower[..^1]) & Verb) << InflectedShift;
            if (lower[^3] == lower[^4]) mask |= (Base(lower[..^3]) & Verb) << InflectedShift;
            if (lower[^3] == 'i') mask |= (Base(Join(lower[..^3], 'y', buf)) & Verb) << InflectedShift;
        }
        if (n > 5 && lower.EndsWith("ing"))
        {
            mask |= (Base(lower[..^3]) & Verb) << InflectedShift;
            mask |= (Base(Join(lower[..^3], 'e', buf)) & Verb) << InflectedShift;
            if (lower[^4] == lower[^5]) mask |= (Base(lower[..^4]) & Verb) << InflectedShift;
        }
        if (n > 4 && lower.EndsWith("er"))
        {
            mask |= (Base(lower[..^2]) & Adj) << InflectedShift;
            mask |= (Base(lower[..^1]) & Adj) << InflectedShift;
        }
        if (n > 5 && lower.EndsWith("est"))
        {
            mask |= (Base(lower[..^3]) & Adj) << InflectedShift;
            mask |= (Base(lower[..^2]) & Adj) << InflectedShift;
        }
        return mask;
    }

    private int Base(ReadOnlySpan<char> lower) => _entries.TryGetValue(FeatureHash.Of(2, lower), out byte m) ? m & 0xF : 0;

    private static ReadOnlySpan<char> Join(ReadOnlySpan<char> a, char c, Span<char> buf)
    {
        a.CopyTo(buf);
        buf[a.Length] = c;
        return buf[..(a.Length + 1)];
    }

    /// <summary>Reads WordNet's <c>index.*</c> and <c>*.exc</c> files from a dictionary folder (e.g. /usr/share/wordnet).</summary>
    public static WordLexicon FromWordNet(string folder)
    {
        var map = new Dictionary<ulong, byte>();
        void Add(string word, int bits)
        {
            if (word.Contains('_')) return;
            ulong k = FeatureHash.Of(2, word.ToLowerInvariant().AsSpan());
            map[k] = (byte)(map.GetValueOrDefault(k) | bits);
        }
        foreach (var (file, bits) in new[] { ("noun", Noun), ("verb", Verb), ("adj", Adj), ("adv", Adv) })
        {
            var index = Path.Combine(folder, "index." + file);
            if (!File.Exists(index)) throw new DataFileException(index, 0, "WordNet index file not found");
            foreach (var line in File.ReadLines(index))
            {
                if (line.Length == 0 || line[0] == ' ') continue;
                int sp = line.IndexOf(' ');
                if (sp > 0) Add(line[..sp], bits);
            }
            var exc = Path.Combine(folder, file + ".exc");
            if (File.Exists(exc))
                foreach (var line in File.ReadLines(exc))
                {
                    int sp = line.IndexOf(' ');
                    if (sp > 0) Add(line[..sp], bits << InflectedShift);
                }
        }
        return new WordLexicon(map);
    }

    public void Write(ModelWriter w)
    {
        var pairs = _entries.OrderBy(p => p.Key).ToArray();
        w.WriteArray<ulong>(pairs.Select(p => p.Key).ToArray());
        w.WriteArray<byte>(pairs.Select(p => p.Value).ToArray());
    }

    public static WordLexicon Read(ModelReader r)
    {
        var keys = r.ReadArray<ulong>();
        var masks = r.ReadArray<byte>();
        r.EnsureEnd();
        if (keys.Length != masks.Length) throw r.Error("lexicon keys and masks differ in number");
        var map = new Dictionary<ulong, byte>(keys.Length);
        for (int i = 0; i < keys.Length; i++)
            if (!map.TryAdd(keys[i], masks[i])) throw r.Error("duplicate lexicon key");
        return new WordLexicon(map);
    }
}
