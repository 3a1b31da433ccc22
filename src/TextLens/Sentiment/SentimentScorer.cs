using System.Buffers;
using TextLens.Segmentation;

namespace TextLens.Sentiment;

/// <summary>Counts of the cues found in a token range; features for the trained classifier.</summary>
internal struct CueCounts
{
    public int Valence, Positive, Negative, Negators, Boosters, Dampeners, Contrasts, Concessives, Irrealis, Hedges, Reporting, UnpairedNegators, Events;
    public double PositiveSum, NegativeSum;
}

/// <summary>
/// The VADER-style lexicon scorer over a token range: lexicon matching through the trie, then negation scope,
/// boosters, contrast, concessive and irrealis clauses, hedges and reported speech. Stateless and thread-safe.
/// </summary>
internal sealed class SentimentScorer
{
    /// <summary>Scope-bearing cues (concessive, modal, conditional) honoured per sentence; more are ignored.</summary>
    internal const int MaxScopedCues = 16;

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

    /// <summary>Scores tokens [s, e) with explanations and also returns the cue counts (the trained model's features).</summary>
    public SentimentScore Score(Document doc, int s, int e, int stanceHedges, out CueCounts counts) => Run(doc, s, e, stanceHedges, explain: true, out counts);

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

    private static bool IsCapitalisedWord(Document doc, int i)
    {
        ref readonly var t = ref doc.TokenStore[i];
        return t.Kind == TokenKind.Word && char.IsUpper(doc.Text[t.Start]);
    }

    /// <summary>
    /// True when tokens [a, b) are capitalised inside a sentence next to another capitalised word: part of a name or
    /// title ("Supreme Leader Ali Khamenei", "the Good Friday Agreement", "Hope Street"), whose words carry no tone.
    /// </summary>
    private static bool InName(Document doc, int s, int e, int a, int b)
    {
        if (a == s) return false; // the first word is capitalised anyway
        for (int k = a; k < b; k++) if (!IsCapitalisedWord(doc, k)) return false;
        return IsCapitalisedWord(doc, a - 1) && a - 1 > s || (b < e && IsCapitalisedWord(doc, b));
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
            bool? headline = null; // a title-case headline keeps the tone of its capitalised words; decided on first need
            for (int i = s; i < e;)
            {
                if (IsWordLike(tokens[i].Kind) && _lexicon.Match(doc, i, e, out int len) is { } node
                    && !(node.Kind is SentimentCueKind.Valence or SentimentCueKind.Event && InName(doc, s, e, i, i + len)
                         && !(headline ??= Headlines.IsTitleCase(doc.Text.AsSpan(start, end - start)))))
                {
                    if (node.Kind is SentimentCueKind.Contrast or SentimentCueKind.Concessive && i > s) clauseId++;
                    cues[nc++] = new Cue { A = i, B = i + len, Node = node };
                    for (int k = i; k < i + len; k++) clause[k - s] = clauseId;
                    i += len;
                    continue;
                }
                if (IsBoundary(doc, i)) { clauseId++; clause[i - s] = -1; i++; continue; }
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
            int scoped = 0; // concessive and irrealis scopes each walk the sentence: at most MaxScopedCues of them keep hostile text linear
            var reportedScopes = ReportedScopes.For(n); // reporting scopes are linear however many there are
            for (int c = 0; c < nc; c++)
            {
                ref var cue = ref cues[c];
                if (cue.Node.Kind is SentimentCueKind.Concessive or SentimentCueKind.Irrealis or SentimentCueKind.Conditional
                    && ++scoped > MaxScopedCues) continue;
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
                    case SentimentCueKind.Conditional:
                    case SentimentCueKind.Irrealis:
                    {
                        // Conditional: from the word to the end of its clause. Modal: from its clause's start to the next contrast or concessive word.
                        int cl = clause[cue.A - s];
                        double w = cue.Node.Weight;
                        int lo = cue.A - s, hi = cue.A - s;
                        if (cue.Node.Kind == SentimentCueKind.Conditional)
                            while (hi < n && clause[hi] == cl) hi++;
                        else
                        {
                            while (lo > 0 && clause[lo - 1] == cl) lo--;
                            hi = n;
                            for (int c2 = c + 1; c2 < nc; c2++)
                                if (cues[c2].Node.Kind is SentimentCueKind.Contrast or SentimentCueKind.Concessive) { hi = cues[c2].A - s; break; }
                        }
                        for (int k = lo; k < hi; k++)
                        {
                            if ((flags[k] & SentimentModifiers.Irrealis) != 0) continue;
                            factor[k] *= w;
                            flags[k] |= SentimentModifiers.Irrealis;
                        }
                        counts.Irrealis++;
                        break;
                    }
                    case SentimentCueKind.Reporting:
                        MarkReported(doc, s, e, cue, clause, factor, flags, ref reportedScopes);
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
                    case SentimentCueKind.Shifter:
                        counts.Negators++;
                        break;
                }
            }
            MarkQuotes(doc, s, e, factor, flags);
            if (stanceHedges >= 0) hedges = stanceHedges;
            counts.Hedges = hedges;
            double hedgeFactor = hedges == 0 ? 1 : Math.Max(_options.MinHedgeFactor, Math.Pow(_options.HedgeFactor, hedges));

            // 3. Valence phrases with boosters and negation (or a shifter) in scope.
            List<SentimentContribution>? list = explain ? [] : null;
            double author = 0, reported = 0;
            var vals = ArrayPool<double>.Shared.Rent(nc);
            var mods = ArrayPool<SentimentModifiers>.Shared.Rent(nc);
            try
            {
                for (int c = 0; c < nc; c++)
                {
                    ref var cue = ref cues[c];
                    mods[c] = SentimentModifiers.None;
                    vals[c] = 0;
                    if (cue.Node.Kind is not (SentimentCueKind.Valence or SentimentCueKind.Event) || cue.Node.Weight == 0) continue;
                    double v = cue.Node.Weight, valence = v;
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
                            mods[c] |= b >= 0 ? SentimentModifiers.Intensified : SentimentModifiers.Dampened;
                        }
                        else if (prev.Node.Kind is SentimentCueKind.Negator or SentimentCueKind.Shifter && d <= _options.NegationScope
                            && !(prev.Node.Kind == SentimentCueKind.Shifter && HasCoordinator(doc, prev.B, cue.A)))
                        {
                            v *= prev.Node.Weight;
                            mods[c] |= SentimentModifiers.Negated;
                            prev.Used = true;
                        }
                    }
                    // A negated positive is a mild reservation, not a condemnation ("isn't the best option").
                    if ((mods[c] & SentimentModifiers.Negated) != 0 && v < -_options.MaxNegatedValence) v = -_options.MaxNegatedValence;
                    vals[c] = v;
                }
                // A negator with nothing to negate after it reaches back to the nearest phrase of its clause
                // ("a breakthrough is hardly possible"); failing that it counts as mildly negative ("will not sign").
                for (int c = 0; c < nc; c++)
                {
                    ref var cue = ref cues[c];
                    if (cue.Node.Kind is not (SentimentCueKind.Negator or SentimentCueKind.Shifter) || cue.Used || !cue.Node.ReachesBack) continue;
                    int cl = clause[cue.A - s];
                    for (int p = c - 1; p >= 0; p--)
                    {
                        if (cue.A - cues[p].B + 1 > _options.PostNegationScope || clause[cues[p].A - s] != cl) break;
                        if (cues[p].Node.Kind is not (SentimentCueKind.Valence or SentimentCueKind.Event) || vals[p] == 0) continue;
                        if ((mods[p] & SentimentModifiers.Negated) == 0)
                        {
                            vals[p] *= cue.Node.Weight;
                            if (vals[p] < -_options.MaxNegatedValence) vals[p] = -_options.MaxNegatedValence;
                            mods[p] |= SentimentModifiers.Negated | SentimentModifiers.PostNegated;
                            cue.Used = true;
                        }
                        break;
                    }
                }
                for (int c = 0; c < nc; c++)
                {
                    ref var cue = ref cues[c];
                    // An event word counts only when negated or shifted ("no casualties"); otherwise it reports, not evaluates.
                    if (cue.Node.Kind == SentimentCueKind.Event && (mods[c] & SentimentModifiers.Negated) == 0)
                    {
                        if (vals[c] != 0) counts.Events++;
                        continue;
                    }
                    if (cue.Node.Kind is SentimentCueKind.Valence or SentimentCueKind.Event && vals[c] != 0)
                    {
                        var f = flags[cue.A - s] | mods[c];
                        double w = factor[cue.A - s] * hedgeFactor;
                        if (IsSentenceAdverb(cue, clause, s, n)) { w *= _options.SentenceAdverbFactor; f |= SentimentModifiers.SentenceAdverb; }
                        if (hedgeFactor < 1) f |= SentimentModifiers.Hedged;
                        double weight = vals[c] * w;
                        Add(doc, cue, cue.Node.Weight, weight, f, list, ref author, ref reported);
                        counts.Valence++;
                        if (weight > 0) { counts.Positive++; counts.PositiveSum += weight; }
                        else if (weight < 0) { counts.Negative++; counts.NegativeSum += weight; }
                    }
                    else if (cue.Node.Kind == SentimentCueKind.Negator && !cue.Used)
                    {
                        counts.UnpairedNegators++;
                        if (_options.UnpairedNegationValence == 0) continue;
                        var f = flags[cue.A - s] | SentimentModifiers.UnpairedNegation;
                        if (hedgeFactor < 1) f |= SentimentModifiers.Hedged;
                        double valence = _options.UnpairedNegationValence;
                        double weight = valence * factor[cue.A - s] * hedgeFactor;
                        Add(doc, cue, valence, weight, f, list, ref author, ref reported);
                        counts.NegativeSum += weight;
                    }
                }
            }
            finally
            {
                ArrayPool<double>.Shared.Return(vals);
                ArrayPool<SentimentModifiers>.Shared.Return(mods);
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

    /// <summary>A phrase that is a whole clause by itself, between commas or at the sentence start ("Unfortunately, …").</summary>
    private static bool IsSentenceAdverb(in Cue cue, int[] clause, int s, int n)
    {
        int lo = cue.A - s, hi = cue.B - s;
        return cue.B - cue.A == 1 && hi < n && clause[hi] == -1 && (lo == 0 || clause[lo - 1] == -1);
    }

    /// <summary>True when "and" or "or" lies in tokens [a, b): a shifter's object ends there ("the conflict resolved and peace in place").</summary>
    private static bool HasCoordinator(Document doc, int a, int b)
    {
        var tokens = doc.TokenStore;
        for (int i = a; i < b; i++)
        {
            var w = doc.LowerText.AsSpan(tokens[i].Start, tokens[i].Length);
            if (w.SequenceEqual("and") || w.SequenceEqual("or")) return true;
        }
        return false;
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
    /// What the reporting cues of one sentence have marked so far. Every reported range is a prefix or a suffix of the
    /// sentence, and cues come in text order, so remembering the longest prefix, the longest suffix and the bounds of the
    /// last clause looked at lets each token be walked and marked a bounded number of times: marking the whole range
    /// again for every cue was quadratic ("according to Baku good " repeated: issue 16).
    /// </summary>
    private struct ReportedScopes
    {
        public int PrefixEnd;      // tokens [0, PrefixEnd) are marked
        public int SuffixStart;    // tokens [SuffixStart, n) are marked
        public int Clause;         // the last clause whose bounds were found (-2: none yet)
        public int ClauseFirst, ClauseEnd;

        public static ReportedScopes For(int n) => new() { PrefixEnd = 0, SuffixStart = n, Clause = -2 };
    }

    /// <summary>
    /// Reported content: for "according to X" and "As X said, …" the clauses after the reporting clause (or, when the
    /// reporting clause ends the sentence, the text before it); otherwise everything after the reporting verb.
    /// </summary>
    private static void MarkReported(Document doc, int s, int e, in Cue cue, int[] clause, double[] factor, SentimentModifiers[] flags, ref ReportedScopes scopes)
    {
        int n = e - s;
        int cl = clause[cue.A - s];
        if (scopes.Clause != cl)
        {
            // The cue's clause: the tokens around it with its clause id (ids only grow along the sentence, so each clause is walked once).
            int first = cue.A - s, last = cue.A - s;
            while (first > 0 && clause[first - 1] == cl) first--;
            while (last < n && clause[last] == cl) last++;
            scopes = scopes with { Clause = cl, ClauseFirst = first, ClauseEnd = last };
        }
        bool framing = cue.Node.Phrase.Equals("according to", StringComparison.OrdinalIgnoreCase)
            // "As X said, ...": the reporting clause starts with "as".
            || doc.LowerText.AsSpan(doc.TokenStore[s + scopes.ClauseFirst].Start, doc.TokenStore[s + scopes.ClauseFirst].Length).SequenceEqual("as");
        double w = cue.Node.Weight;
        if (!framing || clause[n - 1] != cl)
        {
            // A suffix: after the reporting verb, or the clauses after the framing clause.
            int lo = framing ? Math.Max(cue.B - s, scopes.ClauseEnd) : cue.B - s;
            for (int k = lo; k < scopes.SuffixStart; k++) Mark(k);
            scopes.SuffixStart = Math.Min(scopes.SuffixStart, lo);
        }
        else
        {
            // A prefix: the framing clause ends the sentence, so the text before it is reported.
            int hi = scopes.ClauseFirst;
            for (int k = scopes.PrefixEnd; k < hi; k++) Mark(k);
            scopes.PrefixEnd = Math.Max(scopes.PrefixEnd, hi);
        }

        void Mark(int k)
        {
            if ((flags[k] & SentimentModifiers.Reported) != 0) return;
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
