using TextLens.Tagging;

namespace TextLens;

/// <summary>Accuracy of the tagger and lemmatizer on a treebank (fractions in [0, 1]).</summary>
/// <param name="Sentences">Sentences scored.</param>
/// <param name="Words">Gold syntactic words scored.</param>
/// <param name="UposAccuracy">Universal tag accuracy on gold tokens.</param>
/// <param name="XposAccuracy">Penn tag accuracy on gold tokens.</param>
/// <param name="LemmaAccuracyGoldTags">Lemma accuracy on gold tokens with gold tags.</param>
/// <param name="LemmaAccuracy">Lemma accuracy on gold tokens with predicted tags.</param>
/// <param name="EndToEnd">Scores from raw sentence text through TextLens's tokenizer, or null when not computed.</param>
public sealed record PosEvaluationResult(int Sentences, int Words, double UposAccuracy, double XposAccuracy,
    double LemmaAccuracyGoldTags, double LemmaAccuracy, EndToEndScores? EndToEnd)
{
    /// <summary>The most frequent tagging errors on gold tokens: gold <c>UPOS|XPOS</c>, predicted <c>UPOS|XPOS</c>, count.</summary>
    public IReadOnlyList<(string Gold, string Predicted, int Count)> Confusions { get; init; } = [];

    /// <summary>Gold words the model never saw in training (unknown ambiguity class).</summary>
    public int UnknownWords { get; init; }

    /// <summary>UPOS accuracy on <see cref="UnknownWords"/>.</summary>
    public double UnknownUposAccuracy { get; init; }

    /// <inheritdoc/>
    public override string ToString()
    {
        var s = $"{Sentences} sentences, {Words} words (gold tokens): UPOS {UposAccuracy:P2} (unknown words: {UnknownWords}, {UnknownUposAccuracy:P2}), XPOS {XposAccuracy:P2}, " +
                $"lemma {LemmaAccuracy:P2} (predicted tags), {LemmaAccuracyGoldTags:P2} (gold tags)";
        return EndToEnd is null ? s : s + Environment.NewLine + EndToEnd;
    }
}

/// <summary>
/// End-to-end scores from raw text: a gold word counts only when a TextLens token has exactly its character span
/// (and, for the tag scores, the right tag) — the aligned accuracy of the CoNLL 2018 shared task, over gold words.
/// </summary>
/// <param name="Sentences">Sentences with a <c># text</c> line.</param>
/// <param name="Words">Gold words in them.</param>
/// <param name="Tokens">TextLens tokens produced.</param>
/// <param name="TokenRecall">Gold words whose span is exactly a TextLens token.</param>
/// <param name="TokenPrecision">TextLens tokens whose span is exactly a gold word.</param>
/// <param name="Upos">Gold words with a matching token and universal tag.</param>
/// <param name="Xpos">Gold words with a matching token and Penn tag.</param>
/// <param name="Lemma">Gold words with a matching token and lemma.</param>
public sealed record EndToEndScores(int Sentences, int Words, int Tokens, double TokenRecall, double TokenPrecision,
    double Upos, double Xpos, double Lemma)
{
    /// <inheritdoc/>
    public override string ToString() =>
        $"end to end ({Sentences} raw sentences, {Words} gold words, {Tokens} TextLens tokens): tokens recall {TokenRecall:P2} precision {TokenPrecision:P2}; " +
        $"aligned UPOS {Upos:P2}, XPOS {Xpos:P2}, lemma {Lemma:P2}";
}

/// <summary>Scores a <see cref="PosTagger"/> and <see cref="Lemmatizer"/> on a CoNLL-U treebank (e.g. the UD English-EWT test split).</summary>
public static class PosEvaluator
{
    /// <summary>Evaluates on gold tokens and, when <paramref name="endToEnd"/> is given, from the raw <c># text</c> lines.</summary>
    /// <param name="conllu">The treebank file.</param>
    /// <param name="tagger">The tagger; <see cref="PosTagger.Default"/> when null.</param>
    /// <param name="lemmatizer">The lemmatizer; <see cref="Lemmatizer.Default"/> when null.</param>
    /// <param name="endToEnd">A pipeline (tokenizer, tagger, lemmatizer) that processes each sentence's raw text, or null to skip.</param>
    /// <returns>The scores.</returns>
    /// <exception cref="DataFileException">The treebank is malformed.</exception>
    public static PosEvaluationResult Evaluate(string conllu, PosTagger? tagger = null, Lemmatizer? lemmatizer = null, Pipeline? endToEnd = null)
    {
        ArgumentNullException.ThrowIfNull(conllu);
        var sentences = Conllu.ReadFile(conllu);
        tagger ??= PosTagger.Default;
        lemmatizer ??= Lemmatizer.Default;
        var r = EvaluateGold(tagger.Model, sentences, lemmatizer);
        return endToEnd is null ? r : r with { EndToEnd = EvaluateEndToEnd(sentences, endToEnd) };
    }

    internal static PosEvaluationResult EvaluateGold(PosModel model, IReadOnlyList<ConlluSentence> sentences, Lemmatizer? lemmatizer = null)
    {
        var tagger = new PosTagger(model);
        long words = 0, upos = 0, xpos = 0, lemmaGold = 0, lemmaPred = 0;
        var confusions = new Dictionary<(string, string), int>();
        long unknown = 0, unknownRight = 0;
        var labels = new int[256];
        foreach (var s in sentences)
        {
            var doc = PosTaggerTrainer.WordsDocument(s.Words);
            if (labels.Length < s.Words.Length) labels = new int[s.Words.Length * 2];
            tagger.TagInto(doc, labels);
            for (int i = 0; i < s.Words.Length; i++)
            {
                var w = s.Words[i];
                int y = labels[i];
                words++;
                if (model.Upos[y].ToString().Equals(w.Upos, StringComparison.OrdinalIgnoreCase)) upos++;
                if (model.Xpos[y] == w.Xpos) xpos++;
                var tk = doc.TokenStore[i];
                if (!model.Ambiguity.ContainsKey(FeatureHash.Of(2, doc.LowerText.AsSpan(tk.Start, tk.Length))))
                {
                    unknown++;
                    if (model.Upos[y].ToString().Equals(w.Upos, StringComparison.OrdinalIgnoreCase)) unknownRight++;
                }
                if (model.Labels[y] != w.Joint) confusions[(w.Joint, model.Labels[y])] = confusions.GetValueOrDefault((w.Joint, model.Labels[y])) + 1;
                if (lemmatizer is null) continue;
                var token = doc.TokenStore[i];
                var norm = doc.NormText.AsSpan(token.Start, token.Length);
                var lower = doc.LowerText.AsSpan(token.Start, token.Length);
                var goldPos = PosModel.ParseUpos(w.Upos) ?? UPos.X;
                if (lemmatizer.Lemmatize(norm, lower, goldPos, w.Xpos) == w.Lemma) lemmaGold++;
                if (lemmatizer.Lemmatize(norm, lower, model.Upos[y], model.Xpos[y]) == w.Lemma) lemmaPred++;
            }
        }
        double d = Math.Max(1, words);
        return new PosEvaluationResult(sentences.Count, (int)words, upos / d, xpos / d, lemmaGold / d, lemmaPred / d, null)
        {
            UnknownWords = (int)unknown,
            UnknownUposAccuracy = unknownRight / (double)Math.Max(1, unknown),
            Confusions = confusions.OrderByDescending(p => p.Value).ThenBy(p => p.Key.Item1, StringComparer.Ordinal).ThenBy(p => p.Key.Item2, StringComparer.Ordinal)
                .Take(50).Select(p => (p.Key.Item1, p.Key.Item2, p.Value)).ToArray(),
        };
    }

    internal static EndToEndScores EvaluateEndToEnd(IReadOnlyList<ConlluSentence> sentences, Pipeline pipeline)
    {
        int n = 0, words = 0, tokens = 0, matched = 0, upos = 0, xpos = 0, lemma = 0;
        var spans = new Dictionary<(int, int), int>();
        foreach (var s in sentences)
        {
            if (s.Text is null) continue;
            n++;
            var doc = pipeline.Process(s.Text);
            spans.Clear();
            var list = doc.Tokens;
            tokens += list.Count;
            for (int i = 0; i < list.Count; i++) spans[(list[i].Start, list[i].End)] = i;
            foreach (var w in s.Words)
            {
                words++;
                if (w.Start < 0 || !spans.TryGetValue((w.Start, w.End), out int ti)) continue;
                matched++;
                var t = list[ti];
                if (t.Pos.ToString().Equals(w.Upos, StringComparison.OrdinalIgnoreCase)) upos++;
                if (t.Tag == w.Xpos) xpos++;
                if (t.Lemma == w.Lemma) lemma++;
            }
        }
        double d = Math.Max(1, words);
        return new EndToEndScores(n, words, tokens, matched / d, (double)matched / Math.Max(1, tokens), upos / d, xpos / d, lemma / d);
    }
}
