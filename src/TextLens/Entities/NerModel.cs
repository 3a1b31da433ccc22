using TextLens.Models;
using TextLens.Tagging;

namespace TextLens.Entities;

/// <summary>
/// The statistical entity recogniser: a greedy left-to-right BILOU sequence labeller over entity units, scored by the
/// shared <see cref="AveragedPerceptron"/> with hashed features (word, context words, shape, affixes, gazetteer
/// membership, previous tags). Classes are PERSON, ORG and LOC (any location; the gazetteer types it GPE or LOC).
/// Frozen models are immutable and thread-safe.
/// </summary>
internal sealed class NerModel
{
    public const string Kind = "ner";
    public const int KindVersion = 1;
    public const string ResourcePath = "models/ner.bin";

    /// <summary>Entity types the model predicts; index + 1 is the type code in tag ids.</summary>
    public static readonly string[] Types = ["PERSON", "ORG", "LOC"];

    // Tag ids: 0 = O, then for type t (0-based): 1 + 4t + {B=0, I=1, L=2, U=3}.
    public static int ClassCount => 1 + 4 * Types.Length;
    private const int B = 0, I = 1, L = 2, U = 3;

    private static readonly Lazy<NerModel?> LazyDefault = new(() => EmbeddedData.ReadOptional(ResourcePath, Read), LazyThreadSafetyMode.ExecutionAndPublication);

    public NerModel(AveragedPerceptron perceptron) => Perceptron = perceptron;

    public AveragedPerceptron Perceptron { get; }

    /// <summary>The embedded model, or null when the assembly ships without one.</summary>
    public static NerModel? Default => LazyDefault.Value;


    public static NerModel Read(Stream stream, string name)
    {
        var file = ModelFile.Read(stream, name, Kind, KindVersion);
        var types = file.Labels("types");
        if (!types.SequenceEqual(Types)) throw new DataFileException(name, 0, $"ner model types are [{string.Join(", ", types)}], expected [{string.Join(", ", Types)}]");
        if (file.Meta("features") != FeatureVersion) throw new DataFileException(name, 0, $"ner model features '{file.Meta("features")}' do not match this library ('{FeatureVersion}')");
        var r = file.Section("weights");
        var p = AveragedPerceptron.Read(r);
        r.EnsureEnd();
        if (p.ClassCount != ClassCount) throw new DataFileException(name, 0, $"ner model has {p.ClassCount} classes, expected {ClassCount}");
        return new NerModel(p);
    }

    public ModelFile ToFile(IReadOnlyDictionary<string, string>? metadata = null)
    {
        var file = new ModelFile(Kind, KindVersion);
        file.Metadata["features"] = FeatureVersion;
        if (metadata is not null) foreach (var (k, v) in metadata) file.Metadata[k] = v;
        file.LabelSets["types"] = Types;
        Perceptron.Write(file.AddSection("weights"));
        return file;
    }

    // ------------------------------------------------------------------ tags

    public static int TypeOf(int tag) => Bilou.TypeOf(tag);
    public static int PartOf(int tag) => Bilou.PartOf(tag);
    public static int Tag(int type, int part) => Bilou.Tag(type, part);

    /// <summary>True when <paramref name="tag"/> may follow <paramref name="prev"/> in BILOU.</summary>
    public static bool Allowed(int prev, int tag) => Bilou.Allowed(prev, tag);

    /// <summary>Converts IOB2 tags of units (type index or -1, begin flag) into BILOU tag ids.</summary>
    public static int[] ToBilou(int[] type, bool[] begin)
    {
        int n = type.Length;
        var tags = new int[n];
        for (int i = 0; i < n; i++)
        {
            if (type[i] < 0) continue;
            bool starts = begin[i] || i == 0 || type[i - 1] != type[i];
            bool continues = i + 1 < n && type[i + 1] == type[i] && !begin[i + 1];
            int part = starts ? (continues ? B : U) : (continues ? I : L);
            tags[i] = Tag(type[i], part);
        }
        return tags;
    }

    // ------------------------------------------------------------------ features

    public const string FeatureVersion = "units-v3-names";
    public const int MaxFeatures = 56;

    private enum T
    {
        Bias = 1, Word, LowerPrev, LowerNext, LowerPrev2, LowerNext2, Shape, ShapePrev, ShapeNext, Prefix3, Suffix3, Suffix2,
        PrevTag, PrevTags, PrevTagWord, Gaz, GazPrev, GazNext, SentStart, Title, TitlePrev, Touch, LowerCur, ShapeBigram,
        PrevWordCur, CurNextWord, Length, AllCapsCur, Pos, PosPrevCur, PosCurNext, PosShape, Extra, ExtraPrev, ExtraNext,
    }

    private const byte GivenNameCode = 1 + 2 * 5;

    /// <summary>Gazetteer code per unit: 0 none, else 1 + 2·labelIndex + (0 = begins a match, 1 = inside); <see cref="GivenNameCode"/> for a given name.</summary>
    public static byte[] GazetteerCodes(EntityUnits u, PhraseTrie gaz)
    {
        var codes = new byte[u.Count];
        for (int i = 0; i < u.Count; i++)
        {
            if (codes[i] != 0) continue;
            int n = gaz.LongestMatch(u, i, out var label);
            if (n == 0) continue;
            int li = label.Name switch { "GPE" => 0, "LOC" => 1, "NORP" => 2, "ORG" => 3, _ => 4 };
            codes[i] = (byte)(1 + 2 * li);
            for (int k = i + 1; k < i + n; k++) codes[k] = (byte)(2 + 2 * li);
        }
        // given names (not entities by themselves): their own code where no gazetteer phrase matched
        var given = Gazetteer.GivenNames;
        for (int i = 0; i < u.Count; i++)
            if (codes[i] == 0 && u.IsCap(i) && given.Contains(u[i])) codes[i] = GivenNameCode;
        return codes;
    }

    private static int ShapeCode(ReadOnlySpan<char> w)
    {
        // 0 lower, 1 Title, 2 UPPER, 3 digits, 4 mixed alnum, 5 punctuation
        if (w.Length == 0) return 5;
        char c = w[0];
        if (char.IsAsciiDigit(c))
        {
            foreach (char x in w) if (!char.IsAsciiDigit(x)) return 4;
            return 3 + 16 * Math.Min(w.Length, 5);
        }
        if (!char.IsLetter(c)) return 5 + 16 * c;
        bool upper0 = char.IsUpper(c), restUpper = true, restLower = true, digit = false;
        for (int k = 1; k < w.Length; k++)
        {
            if (char.IsDigit(w[k])) digit = true;
            if (!char.IsUpper(w[k])) restUpper = false;
            if (!char.IsLower(w[k])) restLower = false;
        }
        if (digit) return 4;
        if (!upper0) return restLower ? 0 : 6;
        if (w.Length == 1) return 7;
        return restUpper ? 2 : restLower ? 1 : 8;
    }

    private static bool IsTitle(EntityUnits u, int i) => (uint)i < (uint)u.Count && u.IsWord(i) && EntityWords.Titles.Contains(u[i]);

    // extra: training-time only (a teacher model for silver labels) — extra feature strings per unit, or null.
    public static int Features(EntityUnits u, byte[] gaz, bool[] sentStart, int i, int prev, int prev2, Span<ulong> f, string[]?[]? extra = null)
    {
        int n = 0;
        var word = u[i];
        var lower = u.LowerAt(i);
        ReadOnlySpan<char> lp = i > 0 && !sentStart[i] ? u.LowerAt(i - 1) : "<s>";
        ReadOnlySpan<char> ln = i + 1 < u.Count && !sentStart[i + 1] ? u.LowerAt(i + 1) : "</s>";
        ReadOnlySpan<char> lp2 = i > 1 && !sentStart[i] && !sentStart[i - 1] ? u.LowerAt(i - 2) : "<s>";
        ReadOnlySpan<char> ln2 = i + 2 < u.Count && !sentStart[i + 1] && !sentStart[i + 2] ? u.LowerAt(i + 2) : "</s>";
        int shape = ShapeCode(word);
        int shapePrev = i > 0 && !sentStart[i] ? ShapeCode(u[i - 1]) : 99;
        int shapeNext = i + 1 < u.Count && !sentStart[i + 1] ? ShapeCode(u[i + 1]) : 99;
        f[n++] = FeatureHash.Of((int)T.Bias);
        f[n++] = FeatureHash.Of((int)T.Word, word);
        f[n++] = FeatureHash.Of((int)T.LowerCur, lower);
        f[n++] = FeatureHash.Of((int)T.LowerPrev, lp);
        f[n++] = FeatureHash.Of((int)T.LowerNext, ln);
        f[n++] = FeatureHash.Of((int)T.LowerPrev2, lp2);
        f[n++] = FeatureHash.Of((int)T.LowerNext2, ln2);
        f[n++] = FeatureHash.Of((int)T.Shape, shape);
        f[n++] = FeatureHash.Of((int)T.ShapePrev, shapePrev, shape);
        f[n++] = FeatureHash.Of((int)T.ShapeNext, shape, shapeNext);
        f[n++] = FeatureHash.Of((int)T.ShapeBigram, shapePrev * 1000 + shape, shapeNext);
        if (lower.Length > 3)
        {
            f[n++] = FeatureHash.Of((int)T.Prefix3, lower[..3]);
            f[n++] = FeatureHash.Of((int)T.Suffix3, lower[^3..]);
            f[n++] = FeatureHash.Of((int)T.Suffix2, lower[^2..]);
        }
        f[n++] = FeatureHash.Of((int)T.PrevTag, prev);
        f[n++] = FeatureHash.Of((int)T.PrevTags, prev, prev2);
        f[n++] = FeatureHash.Of((int)T.PrevTagWord, prev, lower);
        int g = gaz[i];
        f[n++] = FeatureHash.Of((int)T.Gaz, g);
        f[n++] = FeatureHash.Of((int)T.GazPrev, i > 0 ? gaz[i - 1] : 255, g);
        f[n++] = FeatureHash.Of((int)T.GazNext, g, i + 1 < u.Count ? gaz[i + 1] : 255);
        f[n++] = FeatureHash.Of((int)T.SentStart, sentStart[i] ? 1 : 0, shape);
        if (IsTitle(u, i)) f[n++] = FeatureHash.Of((int)T.Title);
        if (i > 0 && IsTitle(u, i - 1)) f[n++] = FeatureHash.Of((int)T.TitlePrev, shape);
        f[n++] = FeatureHash.Of((int)T.Touch, i > 0 && !u.SpaceBefore[i] ? 1 : 0, i + 1 < u.Count && !u.SpaceBefore[i + 1] ? 1 : 0);
        f[n++] = FeatureHash.Of((int)T.PrevWordCur, lp, lower);
        f[n++] = FeatureHash.Of((int)T.CurNextWord, lower, ln);
        f[n++] = FeatureHash.Of((int)T.Length, Math.Min(word.Length, 12), shape);
        if (u.Pos is { } pos)
        {
            int p0 = pos[i], pp = i > 0 && !sentStart[i] ? pos[i - 1] : 99, pn = i + 1 < u.Count && !sentStart[i + 1] ? pos[i + 1] : 99;
            f[n++] = FeatureHash.Of((int)T.Pos, p0);
            f[n++] = FeatureHash.Of((int)T.PosPrevCur, pp, p0);
            f[n++] = FeatureHash.Of((int)T.PosCurNext, p0, pn);
            f[n++] = FeatureHash.Of((int)T.PosShape, p0, shape);
        }
        if (extra is not null)
        {
            if (extra[i] is { } x) foreach (var e in x) if (n < f.Length) f[n++] = FeatureHash.Of((int)T.Extra, e);
            if (i > 0 && !sentStart[i] && extra[i - 1] is { } xp && xp.Length > 0 && n < f.Length) f[n++] = FeatureHash.Of((int)T.ExtraPrev, xp[0]);
            if (i + 1 < u.Count && !sentStart[i + 1] && extra[i + 1] is { } xn && xn.Length > 0 && n < f.Length) f[n++] = FeatureHash.Of((int)T.ExtraNext, xn[0]);
        }
        return n;
    }

    public static bool[] SentenceStarts(EntityUnits u, Document? doc)
    {
        var s = new bool[u.Count];
        if (u.Count > 0) s[0] = true;
        for (int i = 1; i < u.Count; i++)
        {
            if (u.LineBreakAfter(i - 1)) { s[i] = true; continue; }
            if (doc is not null && u.Token[i] != u.Token[i - 1])
            {
                int si = doc.SentenceIndexOf(u.Token[i]);
                if (si >= 0 && si != doc.SentenceIndexOf(u.Token[i - 1])) s[i] = true;
            }
        }
        return s;
    }

    // ------------------------------------------------------------------ prediction

    /// <summary>Greedy BILOU decoding; returns tag ids and each unit's probability (softmax of the scores).</summary>
    public int[] Decode(EntityUnits u, byte[] gaz, bool[] sentStart, float[]? probabilities, string[]?[]? extra = null)
    {
        var tags = new int[u.Count];
        Span<ulong> f = stackalloc ulong[MaxFeatures];
        Span<float> scores = stackalloc float[ClassCount];
        int prev = 0, prev2 = 0;
        for (int i = 0; i < u.Count; i++)
        {
            if (sentStart[i])
            {
                if (prev != 0 && PartOf(prev) is B or I) CloseOpen(tags, i);
                prev = prev2 = 0;
            }
            // Fast path: outside an entity, a unit that is neither capitalised nor a number cannot start a name
            // (TrimToName would discard such a span anyway), so it is O without scoring.
            bool open = prev != 0 && PartOf(prev) is B or I;
            if (!open && !u.IsCap(i) && !u.IsDigits(i))
            {
                tags[i] = 0;
                prev2 = prev;
                prev = 0;
                continue;
            }
            int n = Features(u, gaz, sentStart, i, prev, prev2, f, extra);
            scores.Clear();
            Perceptron.Score(f[..n], scores);
            int best = -1;
            float bestScore = float.NegativeInfinity;
            bool last = i + 1 == u.Count || sentStart[i + 1];
            for (int c = 0; c < scores.Length; c++)
            {
                if (!Allowed(prev, c)) continue;
                if (last && c != 0 && PartOf(c) is B or I) continue;
                if (scores[c] > bestScore) { bestScore = scores[c]; best = c; }
            }
            tags[i] = best;
            if (probabilities is not null && best != 0)
            {
                // softmax over the classes allowed here (perceptron scores are not calibrated; this is a relative margin)
                double z = 0;
                for (int c = 0; c < scores.Length; c++)
                    if (Allowed(prev, c) && !(last && c != 0 && PartOf(c) is B or I)) z += Math.Exp(scores[c] - bestScore);
                probabilities[i] = (float)(1.0 / z);
            }
            prev2 = prev;
            prev = best;
        }
        return tags;
    }

    private static void CloseOpen(int[] tags, int end)
    {
        // Should not happen given the "last" constraint; make the open entity end where the sentence ends.
        int k = end - 1;
        tags[k] = PartOf(tags[k]) == B ? Tag(TypeOf(tags[k]), U) : Tag(TypeOf(tags[k]), L);
    }

    public void Predict(Document doc, EntityUnits u, PhraseTrie gazetteer, List<EntityCandidate> output)
    {
        var gaz = GazetteerCodes(u, gazetteer);
        var starts = SentenceStarts(u, doc);
        // Pooled: Decode writes the probability of every unit it tags, and only tagged units are read below.
        var probs = System.Buffers.ArrayPool<float>.Shared.Rent(u.Count);
        var tags = Decode(u, gaz, starts, probs);
        for (int i = 0; i < tags.Length; i++)
        {
            if (tags[i] == 0) continue;
            int type = TypeOf(tags[i]);
            int s = i;
            float p = probs[i];
            while (i < tags.Length && PartOf(tags[i]) is B or I && i + 1 < tags.Length && TypeOf(tags[i + 1]) == type && PartOf(tags[i + 1]) is I or L) { i++; p = Math.Min(p, probs[i]); }
            int e = i + 1;
            if (!TrimToName(u, ref s, ref e, type == 0)) continue;
            var label = type switch { 0 => EntityLabel.Person, 1 => EntityLabel.Org, _ => TypeLocation(u, gazetteer, s, e) };
            output.Add(new EntityCandidate(s, e, label, EntitySource.Model, EntityCandidate.ModelRank, Math.Round(p, 4)));
        }
        System.Buffers.ArrayPool<float>.Shared.Return(probs);
    }

    /// <summary>
    /// Cuts a model span down to a name as SCHEMA.md writes it: no leading "the", titles or punctuation, no trailing
    /// punctuation or possessive 's; every remaining word capitalised (or a digit, or a connector such as "of").
    /// Returns false when nothing name-like is left.
    /// </summary>
    internal static bool TrimToName(EntityUnits u, ref int s, ref int e, bool person)
    {
        while (s < e && (!EntityUnits.IsWordChar(u.Text[u.Start[s]]) || u.IsIgnoreCase(s, "the") || (u.IsWord(s) && EntityWords.CapitalStopWords.Contains(u[s])) || (person && u.IsWord(s) && EntityWords.Titles.Contains(u[s])) || (u.IsWord(s) && EntityWords.Greetings.Contains(u[s])))) s++;
        while (e > s && !EntityUnits.IsWordChar(u.Text[u.Start[e - 1]])) e--;
        if (e - s > 2 && u.Is(e - 1, "s") && u.Is(e - 2, "'")) { e -= 2; while (e > s && !EntityUnits.IsWordChar(u.Text[u.Start[e - 1]])) e--; }
        if (e <= s) return false;
        if (!u.IsCap(s) && !u.IsDigits(s)) return false;
        if (u.IsWord(s) && EntityWords.NotNameStarts.Contains(u[s]) && Gazetteer.Default.Lookup(u, s, e) is null) return false; // "Great Service", "WOW"
        if (e - s == 1 && u.Length[s] == 1) return false; // a lone letter or digit ("G", "2")
        if (e - s == 1 && u.IsWord(s) && EntityWords.EnumeratingOrdinals.Contains(u[s]) && u.Is(e, ",")) return false; // "Second, …"
        if (e - s == 1 && u.IsWord(s) && (EntityWords.Weekdays.Contains(u[s]) || (u[s].EndsWith('s') && EntityWords.Weekdays.Contains(u[s][..^1])))) return false; // "Sundays"
        bool letters = false;
        for (int k = s; k < e && !letters; k++) letters = u.IsWord(k);
        if (!letters) return false; // numbers are no names ("34", "9 11")
        if (e - s == 1 && u[s].ContainsAnyInRange('0', '9') && Gazetteer.Default.Lookup(u, s, e) is null) return false; // product codes: "SX40", "R2D2"
        if (!u.IsCap(e - 1) && !u.IsDigits(e - 1)) return false;
        for (int k = s; k < e; k++)
        {
            // capitalised function words ("What", "After", "Can") never sit inside a name: title-case headlines
            if (u.IsCap(k) && u.IsWord(k) && EntityWords.CapitalStopWords.Contains(u[k])) return false;
            // a person's name holds no role words ("Adjunct Lecturer", "Senior Advisor")
            if (person && u.IsWord(k) && (EntityWords.Titles.Contains(u[k]) || EntityWords.RoleNouns.Contains(u[k]))) return false;
            if (u.IsCap(k) || u.IsDigits(k)) continue;
            if (u.IsWord(k) && EntityWords.NameConnectors.Contains(u[k])) continue;
            if ((u.Is(k, "-") || u.Is(k, ".") || u.Is(k, "'") || u.Is(k, "&")) && (u.Touches(k - 1) || u.Touches(k))) continue;
            return false;
        }
        // "Adjunct Lecturer", "Senior Advisor": a role, not an organisation (unless a head word makes it one: "Office of the President")
        if (!person && u.IsWord(e - 1) && (EntityWords.RoleNouns.Contains(u[e - 1]) || EntityWords.Titles.Contains(u[e - 1])))
        {
            bool head = false;
            for (int k = s; k < e && !head; k++) head = u.IsWord(k) && EntityWords.OrgHeads.Contains(u[k]);
            if (!head) return false;
        }
        if (AbbreviationPeriod(u, s, e)) e++; // "Enron Corp" + "." → "Enron Corp."
        return true;
    }

    /// <summary>Abbreviations whose period belongs to a name that ends with them ("Enron Corp.", "Martin Luther King Jr.").</summary>
    private static readonly WordSet NameAbbreviations = new(["Corp", "Inc", "Co", "Ltd", "Jr", "Sr", "Bros", "Mfg", "Intl", "Assn", "Dept", "Univ"], StringComparer.Ordinal);

    /// <summary>True when unit <paramref name="dot"/> is a "." that closes an abbreviation inside [s, dot): "Corp.", or the last letter of "U.S.".</summary>
    internal static bool AbbreviationPeriod(EntityUnits u, int s, int dot)
    {
        if (!u.Is(dot, ".") || dot - 1 < s || !u.Touches(dot - 1)) return false;
        if (u.IsWord(dot - 1) && NameAbbreviations.Contains(u[dot - 1])) return true;
        return u.Length[dot - 1] == 1 && u.IsCap(dot - 1) && dot - 2 >= s && u.Is(dot - 2, ".") && u.Touches(dot - 2); // U.S.
    }

    /// <summary>GPE vs LOC for a location span: the gazetteer decides when it knows the name; otherwise geographic heads make LOC.</summary>
    internal static EntityLabel TypeLocation(EntityUnits u, PhraseTrie gazetteer, int s, int e)
    {
        if (gazetteer.Lookup(u, s, e) is EntityLabel known && (known == EntityLabel.Gpe || known == EntityLabel.Loc)) return known;
        // An acronym the gazetteer does not know ("BYD", "IPEF", "UNRWA": three to five capitals) names an organisation far
        // more often than a place (the countries and regions written that way are in the gazetteer), unless the whole line
        // is in capitals.
        if (e == s + 1 && u.IsAllCaps(s) && u.Length[s] is >= 3 and <= 5
            && (s == 0 || !u.IsAllCaps(s - 1)) && (s + 1 >= u.Count || !u.IsAllCaps(s + 1))) return EntityLabel.Org;
        var head = u[e - 1];
        foreach (var w in (ReadOnlySpan<string>)["Sea", "Ocean", "River", "Mountains", "Mountain", "Valley", "Lake", "Gulf", "Bay", "Desert", "Peninsula",
                     "Caucasus", "Strait", "Island", "Islands", "Corridor", "region", "Region", "Coast", "Basin", "Plateau", "Highlands", "Asia", "Europe", "Africa", "America"])
            if (head.SequenceEqual(w)) return EntityLabel.Loc;
        return EntityLabel.Gpe;
    }
}
