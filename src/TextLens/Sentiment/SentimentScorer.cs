using System.Buffers;

namespace TextLens.Sentiment;

/// <summary>Counts of the cues found in a token range; features for the trained classifier.</summary>
internal struct CueCounts
{
    public int Valence, Positive, Negative, Negators, Boosters, Dampeners, Contrasts, Concessives, Irrealis, Hedges, Reporting;
    public double PositiveSum, NegativeSum;
}

/// <summary>
/// The VADER-style lexicon scorer over a token range: lexicon matching through the trie, then negation scope,
/// boosters, contrast, concessive and irrealis clauses, hedges and reported speech. Stateless and thread-safe.
/// </summary>
internal sealed class SentimentScorer
{
    private readonly SentimentLexicon _lexicon;
    private readonly SentimentOptions _options;

    private struct Cue
    {
        public int A, B;
        public SentimentLexicon.Node Node;
        public bool Used;
    }

    public SentimentScorer(SentimentLexicon lexicon, SentimentOptions options)
    {
        _lexicon = lexicon;
        _options = options;
    }

    public SentimentOptions Options => _options;

    public SentimentLexicon Lexicon => _lexicon;

    public double Normalize(double sum) => sum == 0 ? 0 : sum / Math.Sqrt(sum * sum + _options.Alpha);

    /// <summary>Scores tokens [s, e). <paramref name="stanceHedges"/> &lt; 0 means: no stance layer, use the lexicon's hedges.</summary>
    public SentimentScore Score(Document doc, int s, int e, int stanceHedges) => Run(doc, s, e, stanceHedges, explain: true, out _);

    /// <summary>Counts cues and returns the raw lexicon compound of tokens [s, e) without building explanations.</summary>
    public double Count(Document doc, int s, int e, int stanceHedges, out CueCounts counts)
    {
        var score = Run(doc, s, e, stanceHedges, explain: false, out counts);
        return score.Compound;
    }

    private static bool IsWordLike(TokenKind k) => k is TokenKind.Word or TokenKind.Number or TokenKind.Alphanumeric or TokenKind.Other or TokenKind.Emoji;

    private static bool IsBoundary(Document doc, int i)
    {
        ref readonly var t = ref doc.TokenStore[i];
        if (t.Kind != TokenKind.Punctuation || t.Length != 1) return false;
        char c = doc.NormText[t.Start];
        if (c is ',' or ';' or ':' or '(' or ')' or '[' or ']') return true;
        if (c == '-')
        {
            bool spaceBefore = t.Start == 0 || char.IsWhiteSpace(doc.Text[t.Start - 1]);
            return spaceBefore || t.SpaceAfter;
        }
        return false;
    }

    private SentimentScore Run(Document doc, int s, int e, int stanceHedges, bool explain, out CueCounts counts)
    {
        counts = default;
        var tokens = doc.TokenStore;
        int n = e - s;
        int start = n > 0 ? tokens[s].Start : 0, end = n > 0 ? tokens[e - 1].End : 0;
        if (n <= 0) return new SentimentScore(start, end, 0, SentimentLabel.Neutral);

        var cues = ArrayPool<Cue>.Shared.Rent(n);
        var factor = ArrayPool<double>.Shared.Rent(n);
        var flags = ArrayPool<SentimentModifiers>.Shared.Rent(n);
        var clause = ArrayPool<int>.Shared.Rent(n);
        try
        {
            // 1. Lexicon matches (longest first) and clause ids.
            int nc = 0, clauseId = 0;
            for (int i = s; i < e;)
            {
                if (IsWordLike(tokens[i].Kind) && _lexicon.Match(doc, i, e, out int len) is { } node)
                {
                    if (node.Kind is SentimentCueKind.Contrast or SentimentCueKind.Concessive && i > s) clauseId++;
                    cues[nc++] = new Cue { A = i, B = i + len, Node = node };
                    for (int k = i; k < i + len; k++) clause[k - s] = clauseId;
                    i += len;
                    continue;
                }
                if (IsBoundary(doc, i)) clauseId++;
                clause[i - s] = clauseId;
                i++;
            }
            for (int k = 0; k < n; k++) { factor[k] = 1; flags[k] = SentimentModifiers.None; }

            // 2. Contrast: the last contrast word splits the sentence.
            int hedges = 0;
            for (int c = nc - 1; c >= 0; c--)
            {
                if (cues[c].Node.Kind != SentimentCueKind.Contrast) continue;
                double w = cues[c].Node.Weight;
                for (int k = 0; k < n; k++)
                {
                    bool after = k + s >= cues[c].A;
                    factor[k] *= after ? w : 2 - w;
                    flags[k] |= after ? SentimentModifiers.AfterContrast : SentimentModifiers.BeforeContrast;
                }
                break;
            }
            for (int c = 0; c < nc; c++)
            {
                ref var cue = ref cues[c];
                switch (cue.Node.Kind)
                {
                    case SentimentCueKind.Concessive:
                    {
                        double w = cue.Node.Weight;
                        int cl = clause[cue.A - s];
                        for (int k = 0; k < n; k++)
                        {
                            bool inside = k + s >= cue.A && clause[k] == cl;
                            factor[k] *= inside ? w : 2 - w;
                            flags[k] |= inside ? SentimentModifiers.Concessive : SentimentModifiers.AfterContrast;
                        }
                        counts.Concessives++;
                        break;
                    }
                    case SentimentCueKind.Irrealis:
                    {
                        int cl = clause[cue.A - s];
                        double w = cue.Node.Weight;
                        for (int k = 0; k < n; k++)
                        {
                            if (clause[k] != cl || (flags[k] & SentimentModifiers.Irrealis) != 0) continue;
                            factor[k] *= w;
                            flags[k] |= SentimentModifiers.Irrealis;
                        }
                        counts.Irrealis++;
                        break;
                    }
                    case SentimentCueKind.Reporting:
                        MarkReported(doc, s, e, cue, clause, factor, flags);
                        counts.Reporting++;
                        break;
                    case SentimentCueKind.Hedge:
                        if (stanceHedges < 0) hedges++;
                        break;
                    case SentimentCueKind.Contrast:
                        counts.Contrasts++;
                        break;
                    case SentimentCueKind.Booster:
                        if (cue.Node.Weight >= 0) counts.Boosters++; else counts.Dampeners++;
                        break;
                    case SentimentCueKind.Negator:
                        counts.Negators++;
                        break;
                }
            }
            MarkQuotes(doc, s, e, factor, flags);
            if (stanceHedges >= 0) hedges = stanceHedges;
            counts.Hedges = hedges;
            double hedgeFactor = hedges == 0 ? 1 : Math.Max(_options.MinHedgeFactor, Math.Pow(_options.HedgeFactor, hedges));

            // 3. Valence phrases with boosters and negation in scope.
            List<SentimentContribution>? list = explain ? [] : null;
            double author = 0, reported = 0;
            for (int c = 0; c < nc; c++)
            {
                ref var cue = ref cues[c];
                if (cue.Node.Kind != SentimentCueKind.Valence || cue.Node.Weight == 0) continue;
                double v = cue.Node.Weight, valence = v;
                var mods = SentimentModifiers.None;
                int cl = clause[cue.A - s];
                for (int p = c - 1; p >= 0; p--)
                {
                    ref var prev = ref cues[p];
                    int d = cue.A - prev.B + 1;
                    if (d > Math.Max(_options.NegationScope, _options.BoosterScope) || clause[prev.A - s] != cl) break;
                    if (prev.Node.Kind == SentimentCueKind.Booster && d <= _options.BoosterScope)
                    {
                        double b = prev.Node.Weight * (1 - 0.05 * (d - 1));
                        v += Math.Sign(valence) * b;
                        mods |= b >= 0 ? SentimentModifiers.Intensified : SentimentModifiers.Dampened;
                    }
                    else if (prev.Node.Kind == SentimentCueKind.Negator && d <= _options.NegationScope)
                    {
                        v *= prev.Node.Weight;
                        mods |= SentimentModifiers.Negated;
                        prev.Used = true;
                    }
                }
                var f = flags[cue.A - s] | mods;
                if (hedgeFactor < 1) f |= SentimentModifiers.Hedged;
                double weight = v * factor[cue.A - s] * hedgeFactor;
                Add(doc, cue, valence, weight, f, list, ref author, ref reported);
                counts.Valence++;
                if (weight > 0) { counts.Positive++; counts.PositiveSum += weight; }
                else if (weight < 0) { counts.Negative++; counts.NegativeSum += weight; }
            }
            for (int c = 0; c < nc; c++)
            {
                ref var cue = ref cues[c];
                if (cue.Node.Kind != SentimentCueKind.Negator || cue.Used || _options.UnpairedNegationValence == 0) continue;
                var f = flags[cue.A - s] | SentimentModifiers.UnpairedNegation;
                if (hedgeFactor < 1) f |= SentimentModifiers.Hedged;
                double valence = _options.UnpairedNegationValence;
                Add(doc, cue, valence, valence * factor[cue.A - s] * hedgeFactor, f, list, ref author, ref reported);
            }
            list?.Sort(static (x, y) => x.Start.CompareTo(y.Start));

            double compound = Normalize(author + reported);
            return new SentimentScore(start, end, compound, _options.LabelOf(compound))
            {
                Contributions = list is null ? [] : list.ToArray(),
                AuthorCompound = Normalize(author),
                ReportedCompound = Normalize(reported),
                LexiconCompound = compound,
            };
        }
        finally
        {
            ArrayPool<Cue>.Shared.Return(cues, clearArray: true);
            ArrayPool<double>.Shared.Return(factor);
            ArrayPool<SentimentModifiers>.Shared.Return(flags);
            ArrayPool<int>.Shared.Return(clause);
        }
    }

    private static void Add(Document doc, in Cue cue, double valence, double weight, SentimentModifiers f,
        List<SentimentContribution>? list, ref double author, ref double reported)
    {
        if ((f & SentimentModifiers.Reported) != 0) reported += weight; else author += weight;
        if (list is null) return;
        var tokens = doc.TokenStore;
        int a = tokens[cue.A].Start, b = tokens[cue.B - 1].End;
        list.Add(new SentimentContribution(a, b, doc.Text[a..b], valence, Math.Round(weight, 4), f));
    }

    /// <summary>
    /// Reported content: for "according to X" and "As X said, …" the clauses after the reporting clause (or, when the
    /// reporting clause ends the sentence, the text before it); otherwise everything after the reporting verb.
    /// </summary>
    private static void MarkReported(Document doc, int s, int e, in Cue cue, int[] clause, double[] factor, SentimentModifiers[] flags)
    {
        int n = e - s;
        int cl = clause[cue.A - s];
        bool framing = cue.Node.Phrase.Equals("according to", StringComparison.OrdinalIgnoreCase);
        if (!framing)
        {
            // "As X said, ...": the reporting clause starts with "as".
            int first = cue.A - s;
            while (first > 0 && clause[first - 1] == cl) first--;
            framing = doc.LowerText.AsSpan(doc.TokenStore[s + first].Start, doc.TokenStore[s + first].Length).SequenceEqual("as");
        }
        int lo, hi;
        if (!framing) { lo = cue.B - s; hi = n; }
        else
        {
            int last = n - 1;
            bool laterClause = clause[last] != cl;
            if (laterClause)
            {
                lo = cue.B - s;
                while (lo < n && clause[lo] == cl) lo++;
                hi = n;
            }
            else
            {
                lo = 0;
                hi = cue.A - s;
                while (hi > 0 && clause[hi - 1] == cl) hi--;
            }
        }
        double w = cue.Node.Weight;
        for (int k = lo; k < hi; k++)
        {
            if ((flags[k] & SentimentModifiers.Reported) != 0) continue;
            factor[k] *= w;
            flags[k] |= SentimentModifiers.Reported;
        }
    }

    private void MarkQuotes(Document doc, int s, int e, double[] factor, SentimentModifiers[] flags)
    {
        var tokens = doc.TokenStore;
        int open = -1;
        for (int i = s; i < e; i++)
        {
            if (tokens[i].Length != 1 || doc.NormText[tokens[i].Start] != '"') continue;
            if (open < 0) { open = i; continue; }
            for (int k = open + 1; k < i; k++)
            {
                if ((flags[k - s] & SentimentModifiers.Reported) != 0) continue;
                factor[k - s] *= _options.QuoteFactor;
                flags[k - s] |= SentimentModifiers.Reported;
            }
            open = -1;
        }
    }
}
