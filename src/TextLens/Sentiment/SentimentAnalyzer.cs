using TextLens.Entities;
using TextLens.Sentiment;

namespace TextLens;

/// <summary>
/// The sentiment pipeline component (name <c>sentiment</c>): scores every sentence with the explainable lexicon
/// scorer — optionally blended with a trained <see cref="SentenceClassifier"/> — then every paragraph, the document
/// and each entity, and stores the result in <see cref="Document.Sentiment"/>. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// Labels: compound ≥ <see cref="SentimentOptions.PositiveThreshold"/> is positive, ≤ −<see cref="SentimentOptions.NegativeThreshold"/>
/// is negative, anything between is neutral. Hedges come from <see cref="Document.StanceCues"/> when the stance
/// layer found any, otherwise from the lexicon's own hedge list.
/// </remarks>
/// <example>
/// <code>
/// var doc = Pipeline.CreateEnglish().Process("No significant military escalation has occurred.");
/// var s = doc.Sentiment!.Sentences[0];   // Positive: "escalation" negated by "no"
/// foreach (var c in s.Contributions) Console.WriteLine($"{c.Text} {c.Weight:+0.00;-0.00} {c.Modifiers}");
/// </code>
/// </example>
public sealed class SentimentAnalyzer : IPipelineComponent
{
    private readonly SentimentScorer _scorer;
    private readonly SentenceClassifier? _classifier;
    private readonly SentimentModel? _model;

    /// <summary>Creates the component.</summary>
    /// <param name="lexicon">The lexicon; defaults to <see cref="SentimentLexicon.Default"/>.</param>
    /// <param name="options">Scoring options; defaults to <c>new SentimentOptions()</c>.</param>
    /// <param name="classifier">
    /// A trained sentence classifier with sentiment labels (<c>-1/0/1</c> or <c>negative/neutral/positive</c>) to blend
    /// with the lexicon by <see cref="SentimentOptions.ClassifierWeight"/>; null for the lexicon alone.
    /// </param>
    /// <param name="model">
    /// A trained <see cref="SentimentModel"/> (such as <see cref="SentimentModel.Default"/>, which
    /// <see cref="Pipeline.CreateEnglish"/> uses): it decides each sentence's label from the lexicon's contributions, the
    /// words and the stance cues, and the tone toward each entity mention; the contributions stay as the explanation.
    /// Null for the lexicon scorer alone. When both are given, the model decides and the classifier is ignored.
    /// </param>
    /// <exception cref="ArgumentException">The classifier's labels are not sentiment labels.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public SentimentAnalyzer(SentimentLexicon? lexicon = null, SentimentOptions? options = null, SentenceClassifier? classifier = null, SentimentModel? model = null)
    {
        _model = model;
        options ??= new SentimentOptions();
        options.Validate();
        _scorer = new SentimentScorer(lexicon ?? SentimentLexicon.Default, options);
        if (classifier is not null && !classifier.HasSentimentLabels)
            throw new ArgumentException($"The classifier's labels ({string.Join(", ", classifier.Labels)}) are not sentiment labels (-1/0/1 or negative/neutral/positive).", nameof(classifier));
        _classifier = classifier;
    }

    /// <inheritdoc/>
    public string Name => "sentiment";

    /// <summary>The scoring options.</summary>
    public SentimentOptions Options => _scorer.Options;

    /// <summary>The lexicon.</summary>
    public SentimentLexicon Lexicon => _scorer.Lexicon;

    /// <summary>The blended classifier, or null.</summary>
    public SentenceClassifier? Classifier => _classifier;

    /// <summary>The trained sentiment model that decides the labels, or null for the lexicon scorer alone.</summary>
    public SentimentModel? Model => _model;

    /// <summary>Scores a text as one span with the lexicon scorer (no sentence splitting, no stance layer).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The score with its contributions.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public SentimentScore Score(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var doc = Tokenizer.Default.Tokenize(text);
        return _scorer.Score(doc, 0, doc.TokenStore.Length, -1);
    }

    /// <inheritdoc/>
    public void Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var opts = _scorer.Options;
        var sentences = document.Sentences;
        var cues = document.StanceCues;
        bool stance = cues.Count > 0;
        var scores = new SentimentScore[sentences.Count];
        CueCounts[]? sentenceCounts = null;
        int cueIndex = 0;
        for (int i = 0; i < sentences.Count; i++)
        {
            if ((i & 63) == 0) cancellationToken.ThrowIfCancellationRequested();
            var sent = sentences[i];
            int hedges = -1;
            if (stance)
            {
                hedges = 0;
                while (cueIndex < cues.Count && cues[cueIndex].Start < sent.Start) cueIndex++;
                for (int c = cueIndex; c < cues.Count && cues[c].Start < sent.End; c++)
                    if (cues[c].Type == StanceCueType.Hedge) hedges++;
            }
            var score = _scorer.Score(document, sent.TokenStart, sent.TokenEnd, hedges, out var counts);
            if (_model is not null)
            {
                var f = new FeatureBuffer(4 * (sent.TokenEnd - sent.TokenStart) + 64);
                try
                {
                    SentimentFeatures.Sentence(document, sent.TokenStart, sent.TokenEnd, score, counts, ref f);
                    int cls = SentimentModel.Decide(_model.Sentence, f.Keys, _model.SentenceTemperature, out double compound);
                    score = score with { Compound = compound, Label = SentimentModel.LabelOf(cls), ClassifierScore = compound };
                }
                finally { f.Dispose(); }
                (sentenceCounts ??= new CueCounts[sentences.Count])[i] = counts;
            }
            else if (_classifier is not null)
            {
                double ml = _classifier.SentimentScore(document, sent.TokenStart, sent.TokenEnd, _scorer);
                double blended = (1 - opts.ClassifierWeight) * score.Compound + opts.ClassifierWeight * ml;
                score = score with { Compound = blended, Label = opts.LabelOf(blended), ClassifierScore = ml };
            }
            scores[i] = score;
        }

        var paragraphs = new List<SentimentScore>(document.Paragraphs.Count);
        foreach (var p in document.Paragraphs)
            paragraphs.Add(Average(p.Start, p.End, scores, p.SentenceStart, p.SentenceEnd));
        int docStart = document.TokenStore.Length > 0 ? document.TokenStore[0].Start : 0;
        int docEnd = document.TokenStore.Length > 0 ? document.TokenStore[^1].End : 0;
        // Without a sentence layer the whole text is scored as one span, so the document still gets a tone.
        var whole = scores.Length == 0 && document.TokenStore.Length > 0
            ? _scorer.Score(document, 0, document.TokenStore.Length, stance ? cues.Count(c => c.Type == StanceCueType.Hedge) : -1)
            : Average(docStart, docEnd, scores, 0, scores.Length);
        document.SetSentiment(new DocumentSentiment(whole, scores)
        {
            Paragraphs = paragraphs,
            Entities = EntityTones(document, scores, sentenceCounts),
        });
    }

    /// <summary>Mean compound of the sentences in [from, to) that carry any sentiment (all of them when none does).</summary>
    private SentimentScore Average(int start, int end, SentimentScore[] scores, int from, int to)
    {
        double sum = 0;
        int n = 0;
        for (int i = from; i < to && i < scores.Length; i++)
        {
            if (scores[i].Contributions.Count == 0 && scores[i].ClassifierScore is null) continue;
            sum += scores[i].Compound;
            n++;
        }
        double mean = n == 0 ? 0 : sum / n;
        return new SentimentScore(start, end, mean, _scorer.Options.LabelOf(mean)) { AuthorCompound = mean, LexiconCompound = mean };
    }

    /// <summary>
    /// Per entity (dates excluded): the mean over its mentions of the tone toward the mention — the trained target model's
    /// P(positive) − P(negative) when the analyzer has a <see cref="SentimentModel"/>, otherwise the tone of the clause that
    /// holds the mention, or of the whole sentence when that clause carries no sentiment. Mentions of one entity are
    /// grouped: the same text and label, a gazetteer alias ("EU" with "European Union", "U.S." with "United States"), or a
    /// person's surname with the full name the document gives ("Bayramov" with "Jeyhun Bayramov", unless two full names
    /// share it). The group is named by its longest mention.
    /// </summary>
    private IReadOnlyList<EntitySentiment> EntityTones(Document doc, SentimentScore[] scores, CueCounts[]? counts)
    {
        if (doc.Entities.Count == 0 || scores.Length == 0) return [];
        var tone = _model?.Target is not null && counts is not null ? MentionTones(_model, doc, scores, counts) : ClauseTones(doc, scores);
        var tones = new List<EntitySentiment>();
        foreach (var g in EntityGroups.Of(doc))
        {
            int count = 0;
            double sum = 0;
            foreach (int i in g.Members)
            {
                if (double.IsNaN(tone[i])) continue;
                sum += tone[i];
                count++;
            }
            if (count == 0) continue;
            double mean = sum / count;
            tones.Add(new EntitySentiment(g.Text, g.Label, count, mean, _scorer.Options.LabelOf(mean)));
        }
        return tones;
    }

    /// <summary>
    /// The target model's tone toward every entity mention (P(positive) − P(negative)). The model is linear: a sentence's
    /// own features are scored once and shared by its mentions, so each mention costs only its bounded target features
    /// (a sentence with thousands of mentions stays linear).
    /// </summary>
    private static double[] MentionTones(SentimentModel model, Document doc, SentimentScore[] scores, CueCounts[] counts)
    {
        var tones = new double[doc.Entities.Count];
        var target = model.Target!;
        var f = new FeatureBuffer(256);
        Span<float> sentenceScores = stackalloc float[Math.Max(16, target.ScoreLength)];
        int lastSentence = -1;
        try
        {
            for (int i = 0; i < tones.Length; i++)
            {
                var ent = doc.Entities[i];
                int si = doc.SentenceIndexOf(ent.TokenStart);
                if (si < 0 || si >= scores.Length) { tones[i] = double.NaN; continue; }
                var sent = doc.Sentences[si];
                int b = Math.Min(ent.TokenEnd, sent.TokenEnd);
                if (ent.TokenStart < sent.TokenStart || b <= ent.TokenStart) { tones[i] = scores[si].Compound; continue; }
                if (si != lastSentence)
                {
                    f.Truncate(0);
                    SentimentFeatures.Sentence(doc, sent.TokenStart, sent.TokenEnd, scores[si], counts[si], ref f);
                    f.Add(SentimentFeatures.SentenceClassKey((int)scores[si].Label + 1));
                    sentenceScores.Clear();
                    target.Score(f.Keys, sentenceScores);
                    lastSentence = si;
                }
                f.Truncate(0);
                SentimentFeatures.Target(doc, sent.TokenStart, sent.TokenEnd, ent.TokenStart, b, scores[si], ref f);
                SentimentModel.Decide(target, sentenceScores, f.Keys, model.TargetTemperature, out tones[i]);
            }
        }
        finally { f.Dispose(); }
        return tones;
    }

    /// <summary>
    /// The tone of each entity mention's clause (NaN outside any scored sentence): the normalised sum of the sentence's
    /// contributions that start in the clause, or the sentence's score when none does. Mentions come in text order, so
    /// each clause is walked once and the contributions (also in text order) with one cursor per sentence: walking the
    /// clause and every contribution again for each mention was quadratic in sentence length (issue 16).
    /// </summary>
    private double[] ClauseTones(Document doc, SentimentScore[] scores)
    {
        var tokens = doc.TokenStore;
        var tone = new double[doc.Entities.Count];
        int si = -1, lo = 0, hi = 0, cursor = 0, previousToken = -1;
        double clauseTone = 0;
        for (int i = 0; i < tone.Length; i++)
        {
            int token = doc.Entities[i].TokenStart;
            int s = doc.SentenceIndexOf(token);
            if (s < 0 || s >= scores.Length) { tone[i] = double.NaN; continue; }
            var sent = doc.Sentences[s];
            var score = scores[s];
            if (s != si || token < previousToken) { si = s; lo = hi = sent.TokenStart; cursor = 0; }
            previousToken = token;
            if (token >= hi || token < lo)
            {
                // A new clause: it starts after the break before the mention (never before the last clause's start, which a
                // break or the sentence start precedes) and ends at the next break.
                int floor = lo;
                lo = token;
                while (lo > floor && !IsClauseBreak(doc, lo - 1)) lo--;
                hi = token + 1;
                while (hi < sent.TokenEnd && !IsClauseBreak(doc, hi)) hi++;
                int a = tokens[lo].Start, b = tokens[hi - 1].End;
                var contributions = score.Contributions;
                if (cursor > 0 && cursor <= contributions.Count && contributions[cursor - 1].Start >= a) cursor = 0; // clause reaches back
                while (cursor < contributions.Count && contributions[cursor].Start < a) cursor++;
                double sum = 0;
                bool any = false;
                for (int c = cursor; c < contributions.Count && contributions[c].Start < b; c++)
                {
                    sum += contributions[c].Weight;
                    any = true;
                }
                clauseTone = any ? _scorer.Normalize(sum) : score.Compound;
            }
            tone[i] = clauseTone;
        }
        return tone;
    }

    private static bool IsClauseBreak(Document doc, int i)
    {
        ref readonly var t = ref doc.TokenStore[i];
        if (t.Kind != TokenKind.Punctuation || t.Length != 1) return false;
        char c = doc.NormText[t.Start];
        return c is ',' or ';' or ':' or '(' or ')';
    }
}
