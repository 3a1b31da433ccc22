using System.Collections.Frozen;
using TextLens.Models;

namespace TextLens.Tagging;

/// <summary>
/// The trained part-of-speech model: joint <c>UPOS|XPOS</c> labels, averaged-perceptron weights, the
/// tag dictionary (frequent unambiguous words) and the ambiguity classes. Immutable and thread-safe once built.
/// </summary>
internal sealed class PosModel
{
    public const string Kind = "pos";
    public const int KindVersion = 1;

    public PosModel(string[] labels, AveragedPerceptron weights, U64Map<int> fixedTags,
        U64Map<ulong> ambiguity, LemmaTable lemmas, IReadOnlyDictionary<string, string> metadata, WordLexicon? lexicon = null)
    {
        Lexicon = lexicon ?? WordLexicon.Empty;
        if (weights.ClassCount != labels.Length) throw new ArgumentException("Label count and class count differ.");
        Labels = labels;
        Weights = weights;
        FixedTags = fixedTags;
        Ambiguity = ambiguity;
        Lemmas = lemmas;
        Metadata = metadata;
        Upos = new UPos[labels.Length];
        Xpos = new string[labels.Length];
        for (int i = 0; i < labels.Length; i++)
        {
            int bar = labels[i].IndexOf('|');
            if (bar <= 0 || bar == labels[i].Length - 1) throw new ArgumentException($"Label '{labels[i]}' is not UPOS|XPOS.");
            Upos[i] = ParseUpos(labels[i][..bar]) ?? throw new ArgumentException($"Label '{labels[i]}' has an unknown UPOS.");
            Xpos[i] = string.Intern(labels[i][(bar + 1)..]);
        }
    }

    public string[] Labels { get; }
    public UPos[] Upos { get; }
    public string[] Xpos { get; }
    public AveragedPerceptron Weights { get; }

    /// <summary>Second-pass weights that also see the first pass's tags to the right (stacking), or null.</summary>
    public AveragedPerceptron? Second { get; init; }
    public U64Map<int> FixedTags { get; }
    public U64Map<ulong> Ambiguity { get; }
    public LemmaTable Lemmas { get; }
    public WordLexicon Lexicon { get; }
    public IReadOnlyDictionary<string, string> Metadata { get; }

    public static UPos? ParseUpos(string s) => s switch
    {
        "ADJ" => UPos.Adj, "ADP" => UPos.Adp, "ADV" => UPos.Adv, "AUX" => UPos.Aux, "CCONJ" => UPos.Cconj,
        "DET" => UPos.Det, "INTJ" => UPos.Intj, "NOUN" => UPos.Noun, "NUM" => UPos.Num, "PART" => UPos.Part,
        "PRON" => UPos.Pron, "PROPN" => UPos.Propn, "PUNCT" => UPos.Punct, "SCONJ" => UPos.Sconj, "SYM" => UPos.Sym,
        "VERB" => UPos.Verb, "X" => UPos.X, _ => null,
    };

    /// <summary>Computes the atoms of tokens [<paramref name="start"/>, <paramref name="end"/>) into <paramref name="atoms"/> (padded).</summary>
    public void FillAtoms(Document doc, int start, int end, Span<TokenAtoms> atoms)
    {
        var store = doc.TokenStore;
        string norm = doc.NormText, lower = doc.LowerText;
        int n = end - start;
        TaggerFeatures.SetBoundaries(atoms, n);
        for (int k = 0; k < n; k++)
        {
            ref readonly TokenData t = ref store[start + k];
            ref TokenAtoms a = ref atoms[k + TaggerFeatures.Pad];
            TaggerFeatures.Fill(ref a, norm.AsSpan(t.Start, t.Length), lower.AsSpan(t.Start, t.Length));
            a.Amb = Ambiguity.TryGetValue(a.Lower, out var amb) ? amb : TaggerFeatures.UnknownAmb;
            a.Fixed = FixedTags.TryGetValue(a.Word, out int tag) ? tag : -1;
            a.Lex = (ulong)Lexicon.Mask(lower.AsSpan(t.Start, t.Length), a.Lower);
        }
    }

    /// <summary>Tags one sentence whose atoms are filled (greedy left to right; then the stacked second pass, if any); writes label ids.</summary>
    public void TagSentence(ReadOnlySpan<TokenAtoms> atoms, Span<int> labels)
    {
        if (Second is null)
        {
            Greedy(Weights, atoms, labels, default);
            return;
        }
        int n = labels.Length;
        int[]? rented = n > 512 ? System.Buffers.ArrayPool<int>.Shared.Rent(n) : null;
        Span<int> first = rented is null ? stackalloc int[n] : rented.AsSpan(0, n);
        Greedy(Weights, atoms, first, default);
        Greedy(Second, atoms, labels, first);
        if (rented is not null) System.Buffers.ArrayPool<int>.Shared.Return(rented);
    }

    /// <summary>Greedy decoding with <paramref name="weights"/>; stacked features when <paramref name="first"/> is not empty.</summary>
    public static void Greedy(AveragedPerceptron weights, ReadOnlySpan<TokenAtoms> atoms, Span<int> labels, ReadOnlySpan<int> first)
    {
        Span<ulong> feats = stackalloc ulong[TaggerFeatures.MaxFeatures];
        Span<float> scores = stackalloc float[weights.ScoreLength]; // padded: dense rows are added without a scalar tail
        bool stacked = !first.IsEmpty;
        int p1 = -1, p2 = -2;
        for (int k = 0; k < labels.Length; k++)
        {
            int i = k + TaggerFeatures.Pad;
            int guess = atoms[i].Fixed;
            if (guess < 0)
            {
                int nf = stacked ? TaggerFeatures.ExtractStacked(atoms, i, p1, p2, first, feats) : TaggerFeatures.Extract(atoms, i, p1, p2, feats);
                guess = weights.Predict(feats[..nf], scores);
            }
            labels[k] = guess;
            p2 = p1;
            p1 = guess;
        }
    }

    public void Save(string path) => ToFile().Save(path);

    public ModelFile ToFile()
    {
        var f = new ModelFile(Kind, KindVersion);
        foreach (var (k, v) in Metadata) f.Metadata[k] = v;
        f.Metadata["features"] = TaggerFeatures.Version;
        f.LabelSets["tags"] = Labels;
        Weights.Write(f.AddSection("weights"));
        if (Second is not null) Second.Write(f.AddSection("weights2"));
        f.Metadata["stacked"] = Second is null ? "false" : "true";
        var fw = f.AddSection("tagdict");
        var fixedPairs = FixedTags.Pairs().ToArray();
        fw.WriteArray<ulong>(fixedPairs.Select(p => p.Key).ToArray());
        fw.WriteArray<ushort>(fixedPairs.Select(p => (ushort)p.Value).ToArray());
        var aw = f.AddSection("ambiguity");
        var ambPairs = Ambiguity.Pairs().ToArray();
        aw.WriteArray<ulong>(ambPairs.Select(p => p.Key).ToArray());
        aw.WriteArray<ulong>(ambPairs.Select(p => p.Value).ToArray());
        Lemmas.Write(f.AddSection("lemmas"));
        Lexicon.Write(f.AddSection("lexicon"));
        return f;
    }

    public static PosModel Read(Stream stream, string name) => FromFile(ModelFile.Read(stream, name, Kind, KindVersion));

    public static PosModel FromFile(ModelFile f)
    {
        string features = f.Meta("features");
        if (features != TaggerFeatures.Version)
            throw new DataFileException(f.Name, 0, $"was trained with feature set '{features}', this TextLens computes '{TaggerFeatures.Version}': retrain the model");
        var labels = f.Labels("tags");
        var weights = AveragedPerceptron.Read(f.Section("weights"));
        if (weights.ClassCount != labels.Length)
            throw new DataFileException(f.Name, 0, $"weights have {weights.ClassCount} classes but the label set has {labels.Length}");
        AveragedPerceptron? second = null;
        if (f.Metadata.TryGetValue("stacked", out var stacked) && stacked == "true")
        {
            second = AveragedPerceptron.Read(f.Section("weights2"));
            if (second.ClassCount != labels.Length)
                throw new DataFileException(f.Name, 0, $"second-pass weights have {second.ClassCount} classes but the label set has {labels.Length}");
        }
        var tr = f.Section("tagdict");
        var fixedKeys = tr.ReadArray<ulong>();
        var fixedLabels = tr.ReadArray<ushort>();
        tr.EnsureEnd();
        if (fixedKeys.Length != fixedLabels.Length) throw tr.Error("key and tag counts differ");
        var fixedValues = new int[fixedKeys.Length];
        for (int i = 0; i < fixedKeys.Length; i++)
        {
            if (fixedLabels[i] >= labels.Length) throw tr.Error($"tag index {fixedLabels[i]} out of range");
            fixedValues[i] = fixedLabels[i];
        }
        U64Map<int> fixedTags;
        try { fixedTags = new U64Map<int>(fixedKeys, fixedValues); }
        catch (ArgumentException) { throw tr.Error("duplicate key"); }
        var ar = f.Section("ambiguity");
        var ambKeys = ar.ReadArray<ulong>();
        var ambValues = ar.ReadArray<ulong>();
        ar.EnsureEnd();
        if (ambKeys.Length != ambValues.Length) throw ar.Error("key and value counts differ");
        U64Map<ulong> amb;
        try { amb = new U64Map<ulong>(ambKeys, ambValues); }
        catch (ArgumentException) { throw ar.Error("duplicate key"); }
        var lemmas = LemmaTable.Read(f.Section("lemmas"));
        var lexicon = WordLexicon.Read(f.Section("lexicon"));
        try
        {
            return new PosModel(labels, weights, fixedTags, amb, lemmas, f.Metadata, lexicon) { Second = second };
        }
        catch (ArgumentException e)
        {
            throw new DataFileException(f.Name, 0, $"label set: {e.Message}", e);
        }
    }
}
