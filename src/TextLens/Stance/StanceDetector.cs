using TextLens.Stance;
using TextLens.Tagging;

namespace TextLens;

/// <summary>
/// Finds stance cues — refusals, conditions, commitments, obligations, hedges, boosters and attitude — with their
/// holders, targets, polarity and condition links (pipeline component <c>stance</c>). Uses POS tags, lemmas and
/// entities when earlier components provide them and falls back to word lists otherwise. Thread-safe.
/// </summary>
/// <remarks>
/// <para>Cue spans and types come from the trained <see cref="StanceModel"/> (built in: <see cref="StanceModel.Default"/>),
/// which reads the built-in lexicon's matches as features among others. Rows a user adds to the lexicon
/// (<see cref="StanceLexicon.Extend(string)"/>, <see cref="StanceLexicon.Load(string)"/>) always fire, as do built-in rows
/// marked <c>rule</c>; a model cue that overlaps such a rule's cue gives way. Without a model (<c>model: null</c>) every
/// lexicon row fires, as in TextLens 0.1.</para>
/// <para>Rules: cues come from a <see cref="StanceLexicon"/> of token patterns. Negation in the clause turns a commitment into a
/// refusal ("will not sign") and gives obligations negative polarity ("should not"); "until"/"before" are conditions
/// only after a refusal, a negation or a restriction. The holder of a refusal or commitment is the clause's subject
/// (or the owner in "Azerbaijan's bid to"); hedges, boosters, attitude and obligations belong to the source of reported
/// speech ("According to X, …", "X said that …") or else to the author; a condition belongs to the cue it conditions.
/// Belief, feeling and assertion verbs ("the Kremlin believes", "hailed", "insists") belong to their subject.</para>
/// </remarks>
public sealed class StanceDetector : IPipelineComponent
{
    private const int MaxTargetTokens = 14;

    private static readonly List<PatternMatch> NoMatches = [];

    /// <summary>Creates a detector with the built-in lexicon and model.</summary>
    public StanceDetector() : this(StanceLexicon.Default) { }

    /// <summary>Creates a detector with the given lexicon and the built-in model.</summary>
    /// <param name="lexicon">The cue lexicon (for example <c>StanceLexicon.Default.Extend("my_cues.csv")</c>: the rows of the file always fire).</param>
    /// <exception cref="ArgumentNullException"><paramref name="lexicon"/> is null.</exception>
    public StanceDetector(StanceLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        Lexicon = lexicon;
        _defaultModel = true; // loaded on first use: a pipeline that disables this stage (training a new model) never reads it
    }

    /// <summary>Creates a detector with the given lexicon and model.</summary>
    /// <param name="lexicon">The cue lexicon.</param>
    /// <param name="model">The trained cue tagger, or null for lexicon rules only (every row fires).</param>
    /// <exception cref="ArgumentNullException"><paramref name="lexicon"/> is null.</exception>
    public StanceDetector(StanceLexicon lexicon, StanceModel? model)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        Lexicon = lexicon;
        _model = model;
    }

    private readonly StanceModel? _model;
    private readonly bool _defaultModel;

    /// <summary>The trained cue tagger, or null when only lexicon rules run.</summary>
    /// <exception cref="DataFileException">The built-in model, read on first use, is corrupt or of another version.</exception>
    public StanceModel? Model => _defaultModel ? StanceModel.Default : _model;

    /// <inheritdoc/>
    public string Name => "stance";

    /// <summary>The cue lexicon.</summary>
    public StanceLexicon Lexicon { get; }

    /// <inheritdoc/>
    public void Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.SetStanceCues(Detect(document));
    }

    private struct Candidate
    {
        public int Rule;
        public StanceCueType Type;
        public StancePolarity Polarity;
        public int Start;
        public int End;
        public int Sentence;
        public ClauseAnalyzer.Range? Target;
        public int Link;
        public string Holder;
        public ClauseAnalyzer.Range? HolderRange;
    }

    /// <summary>Finds the stance cues of a document without storing them in it.</summary>
    /// <param name="document">A tokenized document (sentences, tags, lemmas and entities are used when present).</param>
    /// <returns>The cues, ordered by start offset.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is null.</exception>
    public IReadOnlyList<StanceCue> Detect(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var model = Model;
        if (model is null || document.TokenStore.Length == 0) return Detect(document, null, null);
        using var features = new StanceFeatures(document);
        return Detect(document, model, features);
    }

    /// <summary>
    /// The detection steps. With <paramref name="features"/>, built-in feature rows mark their cues there instead of
    /// yielding them, and <paramref name="model"/> (when not null) tags the sentences; training passes features and no model.
    /// </summary>
    internal IReadOnlyList<StanceCue> Detect(Document document, StanceModel? model, StanceFeatures? features)
    {
        var tokens = document.TokenStore;
        if (tokens.Length == 0) return [];
        var sentences = document.Sentences.Count > 0
            ? document.Sentences.Select(s => (s.TokenStart, s.TokenEnd)).ToArray()
            : [(0, tokens.Length)];
        var clause = new ClauseAnalyzer(document);
        var entries = Lexicon.Entries;
        int[]? tags = null;
        var matches = new List<PatternMatch>();
        var cues = new List<Candidate>();
        var frames = new FrameCache();
        string? lastActor = null;

        for (int si = 0; si < sentences.Length; si++)
        {
            var (sStart, sEnd) = sentences[si];
            matches.Clear();
            Lexicon.Matcher.FindAll(document, sStart, sEnd, matches);
            if (matches.Count == 0 && model is null) continue;

            // 1. context constraints
            var kept = matches.Count == 0 ? NoMatches : new List<PatternMatch>(matches.Count);
            foreach (var m in matches)
            {
                var e = entries[m.PatternIndex];
                if (e.After is not null && e.After.MatchAt(document, m.TokenEnd, sEnd, TokenPattern.DefaultMaxMatchLength) < 0) continue;
                if (e.NotAfter is not null && m.TokenEnd < sEnd && e.NotAfter.MatchAt(document, m.TokenEnd, sEnd, TokenPattern.DefaultMaxMatchLength) > 0) continue;
                if (e.Before is not null && !EndsAt(document, e.Before, sStart, m.TokenStart)) continue;
                if (e.NotBefore is not null && EndsAt(document, e.NotBefore, sStart, m.TokenStart)) continue;
                kept.Add(m);
            }
            if (kept.Count == 0) { }
            else if (features is null) kept = PatternMatcher.SelectLongest(kept);
            else
            {
                // with the model, rule rows and feature rows do not compete: a longer built-in feature match must not
                // hide a user's rule (it would then be only a feature the model may ignore)
                int ruleCount = 0;
                foreach (var m in kept) if (IsRuleRow(entries[m.PatternIndex])) ruleCount++;
                if (ruleCount == 0 || ruleCount == kept.Count) kept = PatternMatcher.SelectLongest(kept);
                else
                {
                    var rules = PatternMatcher.SelectLongest(kept.Where(m => IsRuleRow(entries[m.PatternIndex])));
                    rules.AddRange(PatternMatcher.SelectLongest(kept.Where(m => !IsRuleRow(entries[m.PatternIndex]))));
                    rules.Sort(static (a, b) => a.TokenStart != b.TokenStart ? a.TokenStart.CompareTo(b.TokenStart) : a.TokenEnd.CompareTo(b.TokenEnd));
                    kept = rules;
                }
            }
            if (kept.Count == 0 && model is null) continue;

            // 2. types, negation and polarity
            int first = cues.Count;
            foreach (var m in kept)
            {
                var e = entries[m.PatternIndex];
                var c = new Candidate
                {
                    Rule = m.PatternIndex, Type = e.Type, Start = m.TokenStart, End = m.TokenEnd, Sentence = si, Link = -1, Holder = StanceCue.Author,
                    Polarity = e.Polarity ?? (e.Type == StanceCueType.Refusal ? StancePolarity.Negative : StancePolarity.Positive),
                };
                if (!e.NoNegation && c.Type is StanceCueType.Commitment or StanceCueType.Refusal or StanceCueType.Deontic)
                    ApplyNegation(document, clause, ref c, sStart, e.Polarity);
                cues.Add(c);
            }

            // 3. temporal vs conditional "until"/"before"
            for (int i = cues.Count - 1; i >= first; i--)
            {
                var c = cues[i];
                if (c.Type != StanceCueType.Condition || !entries[c.Rule].AfterNegative) continue;
                if (!NegativeBefore(document, clause, cues, first, i, sStart)) cues.RemoveAt(i);
            }

            // 3b. the model: built-in rows become its features; rules (user rows, built-in rows marked 'rule') stay
            if (features is not null)
            {
                tags ??= new int[Math.Min(tokens.Length, 1024)];
                if (tags.Length < sEnd - sStart) tags = new int[sEnd - sStart];
                ModelCues(document, clause, model, features, cues, first, si, sStart, sEnd, tags);
            }
            if (cues.Count == first) continue;

            // 4. targets and condition links
            for (int i = first; i < cues.Count; i++)
            {
                var c = cues[i];
                if (c.Type is StanceCueType.Refusal or StanceCueType.Commitment or StanceCueType.Deontic or StanceCueType.Condition)
                    c.Target = Target(document, clause, cues, first, c.End, sEnd);
                if (c.Type == StanceCueType.Condition) c.Link = LinkOf(cues, first, i, clause, sStart);
                cues[i] = c;
            }

            // 5. holders
            frames.Reset(sStart, sEnd); // computed on first use: many sentences never need them
            for (int i = first; i < cues.Count; i++)
            {
                var c = cues[i];
                if (IsActorCue(document, c, sStart))
                {
                    var subject = clause.Subject(sStart, c.Start);
                    // a nominal intention or refusal without an owner belongs to its agent: "the ambitions of revisionist
                    // states", "a reported reluctance by senior officials", "the commitments made by partner countries"
                    if (clause.NominalAgent(sStart, sEnd, c.Start, c.End) is { } agent) subject = agent;
                    if (subject is { } r && clause.IsFirstPerson(r))
                    {
                        // "We will never accept this," the minister said: the speaker, else the author
                        if (!SetFromFrame(document, clause, frames, ref c, lastActor)) { c.Holder = StanceCue.Author; c.HolderRange = null; }
                    }
                    else if (subject is { } p && (clause.IsThirdPersonPronoun(p) || clause.IsReferentialIt(p)))
                    {
                        // a pronoun refers to the speaker ("the army says it is willing"), the sentence's subject
                        // ("Taipei has made clear that it is prepared"), or the last actor
                        if (!SetFromFrame(document, clause, frames, ref c, lastActor))
                        {
                            var head = clause.Subject(sStart, sStart) is null ? clause.FirstNounPhrase(sStart, p.Start) : null;
                            if (head is { } h && h.End <= p.Start && !clause.IsExpletive(h) && !clause.IsThirdPersonPronoun(h) && !clause.IsFirstPerson(h))
                                SetHolder(document, clause, ref c, h);
                            else if (lastActor is not null) { c.Holder = lastActor; c.HolderRange = null; }
                            else { c.Holder = document.Text[tokens[p.Start].Start..tokens[p.End - 1].End]; c.HolderRange = p; }
                        }
                    }
                    else if (subject is { } s && !clause.IsExpletive(s) && (c.Type is StanceCueType.Refusal or StanceCueType.Commitment || IsActorPhrase(document, s)))
                    {
                        SetHolder(document, clause, ref c, s);
                        lastActor = c.Holder;
                    }
                    else SetFromFrame(document, clause, frames, ref c, lastActor);
                }
                cues[i] = c;
            }
            for (int i = first; i < cues.Count; i++)
            {
                var c = cues[i];
                if (IsActorCue(document, c, sStart)) continue;
                if (c.Type == StanceCueType.Condition && c.Link >= 0)
                {
                    c.Holder = cues[c.Link].Holder;
                    c.HolderRange = cues[c.Link].HolderRange;
                }
                else if (!SetFromFrame(document, clause, frames, ref c, lastActor) && c.Type != StanceCueType.Condition)
                {
                    // an epistemic cue inside an actor's clause ("Baku seeks to remove ambiguity that might …")
                    for (int j = i - 1; j >= first && c.Start - cues[j].Start <= ClauseAnalyzer.Window; j--)
                    {
                        var a = cues[j];
                        if (a.Type is not (StanceCueType.Refusal or StanceCueType.Commitment) || a.End > c.Start) continue;
                        bool punct = false, relative = false;
                        for (int t = a.End; t < c.Start; t++)
                        {
                            if (clause.IsPunctBoundary(t)) { punct = true; break; }
                            relative |= IsLower(document, t, "that") || IsLower(document, t, "which") || IsLower(document, t, "who");
                        }
                        if (!punct && relative) { c.Holder = a.Holder; c.HolderRange = a.HolderRange; }
                        break;
                    }
                }
                cues[i] = c;
            }
        }

        // 6. build records (ordered by start; links re-indexed)
        var order = Enumerable.Range(0, cues.Count).OrderBy(i => cues[i].Start).ThenBy(i => cues[i].End).ToArray();
        var position = new int[cues.Count];
        for (int k = 0; k < order.Length; k++) position[order[k]] = k;
        var result = new StanceCue[cues.Count];
        for (int k = 0; k < order.Length; k++)
        {
            var c = cues[order[k]];
            int start = tokens[c.Start].Start, end = tokens[c.End - 1].End;
            result[k] = new StanceCue(c.Type, start, end, c.Start, c.End, document.Text[start..end], c.Holder)
            {
                Polarity = c.Polarity,
                HolderSpan = Span(document, c.HolderRange),
                Target = Span(document, c.Target),
                LinkedCue = c.Link >= 0 ? position[c.Link] : null,
                RuleIndex = c.Rule,
            };
        }
        return result;
    }

    /// <summary>
    /// Replaces the sentence's lexicon cues from built-in feature rows by the model's cues. The rows' matches (after
    /// their context constraints and negation) become features; cues of rule rows stay, and model cues overlapping them
    /// are dropped. Cues of the sentence stay ordered by start.
    /// </summary>
    private void ModelCues(Document doc, ClauseAnalyzer clause, StanceModel? model, StanceFeatures x, List<Candidate> cues, int first, int sentence, int sStart, int sEnd, int[] tags)
    {
        var entries = Lexicon.Entries;
        x.ClearRules(sStart, sEnd);
        int kept = first;
        for (int i = first; i < cues.Count; i++)
        {
            var c = cues[i];
            var e = entries[c.Rule];
            if (!IsRuleRow(e)) x.MarkRule((int)c.Type, c.Start, c.End);
            else cues[kept++] = c;
        }
        cues.RemoveRange(kept, cues.Count - kept);
        if (model is null) return;
        var span = tags.AsSpan(0, sEnd - sStart);
        model.Decode(x, sStart, sEnd, span);
        int ruleCursor = first;
        for (int i = 0; i < span.Length; i++)
        {
            int tag = span[i];
            if (tag == 0) continue;
            int part = Bilou.PartOf(tag);
            if (part is not (Bilou.B or Bilou.U)) continue;
            int end = i + 1;
            if (part == Bilou.B) while (end < span.Length && Bilou.PartOf(span[end]) != Bilou.L) end++;
            end = Math.Min(end + (part == Bilou.B ? 1 : 0), span.Length);
            int s = sStart + i, e = sStart + end;
            // rule cues and model spans both come in text order and rule cues do not overlap each other: one cursor
            // keeps this linear in the sentence (a loop over every rule cue per span was quadratic on hostile input)
            while (ruleCursor < kept && cues[ruleCursor].End <= s) ruleCursor++;
            if (ruleCursor < kept && cues[ruleCursor].Start < e) continue;
            var type = (StanceCueType)Bilou.TypeOf(tag);
            bool negated = false;
            for (int t = s; t < e; t++) negated |= clause.IsNegator(t);
            cues.Add(new Candidate
            {
                Rule = -1, Type = type, Start = s, End = e, Sentence = sentence, Link = -1, Holder = StanceCue.Author,
                Polarity = type == StanceCueType.Refusal || type == StanceCueType.Deontic && negated ? StancePolarity.Negative : StancePolarity.Positive,
            });
        }
        if (cues.Count - first > 1) cues.Sort(first, cues.Count - first, CandidateOrder.Instance);
    }

    /// <summary>Rows that always fire when a model runs: a user's rows and built-in rows marked <c>rule</c>.</summary>
    private static bool IsRuleRow(StanceLexicon.Entry e) => !e.IsBuiltIn || e.IsRule;

    private sealed class CandidateOrder : IComparer<Candidate>
    {
        public static readonly CandidateOrder Instance = new();
        public int Compare(Candidate a, Candidate b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End);
    }

    private static StanceSpan? Span(Document doc, ClauseAnalyzer.Range? r)
    {
        if (r is not { } x || x.Length <= 0) return null;
        var t = doc.TokenStore;
        int s = t[x.Start].Start, e = t[x.End - 1].End;
        return new StanceSpan(s, e, x.Start, x.End, doc.Text[s..e]);
    }

    /// <summary>True when <paramref name="pattern"/> has a match that ends exactly at <paramref name="end"/>.</summary>
    private static bool EndsAt(Document doc, TokenPattern pattern, int floor, int end)
    {
        int maxLen = pattern.MaxLength ?? TokenPattern.DefaultMaxMatchLength;
        for (int s = end - pattern.MinLength; s >= Math.Max(floor, end - maxLen); s--)
            if (pattern.MatchAt(doc, s, end, maxLen) == end) return true;
        return false;
    }

    private static void ApplyNegation(Document doc, ClauseAnalyzer clause, ref Candidate c, int sentenceStart, StancePolarity? fixedPolarity)
    {
        bool negated = false;
        // A negator inside a refusal's own pattern is part of the refusal ("will not extend"); only one before it flips it.
        if (c.Type != StanceCueType.Refusal)
            for (int i = c.Start; i < c.End; i++)
                if (clause.IsNegator(i)) { negated = true; break; }
        int newStart = c.Start;
        if (!negated)
        {
            // a negator just before the cue in the same verb group: "does not seek to", "has never sought to"
            int j = c.Start - 1;
            for (int steps = 0; j >= sentenceStart && steps < 4; j--, steps++)
            {
                if (clause.IsNegator(j) && !IsLower(doc, j, "without") && !IsLower(doc, j, "nor")) { negated = true; newStart = j; break; }
                if (!StanceWords.VerbGroupAdverbs.Contains(doc, j) && !StanceWords.Auxiliaries.Contains(doc, j)) break;
            }
            if (negated)
            {
                // take in the auxiliary before the negator: "does not", "is not", "will never"
                int k = newStart - 1;
                while (k >= sentenceStart && (StanceWords.Auxiliaries.Contains(doc, k) || StanceWords.VerbGroupAdverbs.Contains(doc, k) && k - 1 >= sentenceStart && StanceWords.Auxiliaries.Contains(doc, k - 1)))
                {
                    newStart = k;
                    if (StanceWords.Auxiliaries.Contains(doc, k)) break;
                    k--;
                }
            }
        }
        if (!negated) return;
        c.Start = newStart;
        switch (c.Type)
        {
            case StanceCueType.Commitment:
                c.Type = StanceCueType.Refusal;
                c.Polarity = StancePolarity.Negative;
                ExtendOverVerb(doc, clause, ref c);
                break;
            case StanceCueType.Refusal:
                c.Type = StanceCueType.Commitment;
                c.Polarity = StancePolarity.Positive;
                break;
            case StanceCueType.Deontic:
                c.Polarity = fixedPolarity ?? StancePolarity.Negative;
                break;
        }
    }

    /// <summary>A refusal ending in "to" takes in the verb it governs ("is not willing to sign").</summary>
    private static void ExtendOverVerb(Document doc, ClauseAnalyzer clause, ref Candidate c)
    {
        if (!IsLower(doc, c.End - 1, "to") || c.End >= doc.TokenStore.Length) return;
        int v = c.End;
        var t = doc.TokenStore[v];
        if (t.Kind != TokenKind.Word || clause.IsPunct(v)) return;
        if (char.IsUpper(doc.Text[t.Start])) return;
        if (doc.IsTagged ? doc.PosAt(v) is not (UPos.Verb or UPos.Aux) : StanceWords.Determiners.Contains(doc, v) || StanceWords.NonNominal.Contains(doc, v) && !StanceWords.Auxiliaries.Contains(doc, v)) return;
        c.End = v + 1;
    }

    private static bool IsLower(Document doc, int i, string word)
    {
        var t = doc.TokenStore[i];
        return doc.LowerText.AsSpan(t.Start, t.Length).SequenceEqual(word);
    }

    /// <summary>Does the clause before the condition at <paramref name="index"/> hold a refusal, negation or restriction?</summary>
    private static bool NegativeBefore(Document doc, ClauseAnalyzer clause, List<Candidate> cues, int first, int index, int sentenceStart)
    {
        var c = cues[index];
        for (int j = index - 1; j >= first && c.Start - cues[j].Start <= ClauseAnalyzer.Window; j--)
            if (cues[j].Type == StanceCueType.Refusal && cues[j].End <= c.Start) return true;
        for (int i = c.Start - 1; i >= Math.Max(sentenceStart, c.Start - ClauseAnalyzer.Window); i--)
        {
            var t = doc.TokenStore[i];
            var low = doc.LowerText.AsSpan(t.Start, t.Length);
            if (low is ";" or ":") break;
            if (clause.IsNegator(i) && !low.SequenceEqual("without") || StanceWords.Restrictive.Contains(low)) return true;
        }
        return false;
    }

    /// <summary>The phrase a cue governs: the tokens after it up to the end of its clause.</summary>
    private static ClauseAnalyzer.Range? Target(Document doc, ClauseAnalyzer clause, List<Candidate> cues, int first, int from, int sentenceEnd)
    {
        int e = from;
        while (e < sentenceEnd && e - from < MaxTargetTokens)
        {
            if (clause.IsPunctBoundary(e) || doc.TokenStore[e].Kind == TokenKind.Punctuation && IsLower(doc, e, ".")) break;
            if (StanceWords.TargetStops.Contains(doc, e) && e > from) break;
            if (IsConditionStart(cues, first, e)) break;
            e++;
        }
        return e > from ? new ClauseAnalyzer.Range(from, e) : null;
    }

    /// <summary>Is a condition cue starting at token <paramref name="token"/>? (binary search: cues of a sentence are ordered by start)</summary>
    private static bool IsConditionStart(List<Candidate> cues, int first, int token)
    {
        int lo = first, hi = cues.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            int s = cues[mid].Start;
            if (s < token) lo = mid + 1;
            else if (s > token) hi = mid - 1;
            else return cues[mid].Type == StanceCueType.Condition;
        }
        return false;
    }

    /// <summary>The cue a condition conditions: the nearest refusal, commitment or obligation before it in the sentence, else the first after it.</summary>
    private static int LinkOf(List<Candidate> cues, int first, int index, ClauseAnalyzer clause, int sentenceStart)
    {
        var c = cues[index];
        for (int j = index - 1; j >= first && c.Start - cues[j].Start <= ClauseAnalyzer.Window; j--)
            if (cues[j].Type is StanceCueType.Refusal or StanceCueType.Commitment or StanceCueType.Deontic && cues[j].End <= c.Start) return j;
        for (int j = index + 1; j < cues.Count && cues[j].Start - c.End <= ClauseAnalyzer.Window; j++)
            if (cues[j].Type is StanceCueType.Refusal or StanceCueType.Commitment or StanceCueType.Deontic) return j;
        return -1;
    }

    /// <summary>Refusals, commitments and imposed obligations ("urged") belong to the clause's subject.</summary>
    private static bool IsActorCue(Document doc, in Candidate c, int sentenceStart) =>
        c.Type is StanceCueType.Refusal or StanceCueType.Commitment ||
        c.Type == StanceCueType.Deontic && StanceWords.DemandVerbs.Contains(doc, c.Start) ||
        c.Type is StanceCueType.Hedge or StanceCueType.Booster or StanceCueType.Attitude && HasActorVerb(doc, c, sentenceStart);

    /// <summary>
    /// Can the phrase hold a belief, a feeling or a demand? A name, an entity, an institution or a group of people can
    /// ("the Kremlin", "the government", "policymakers"); "this situation demands" and "the findings are concerning"
    /// are the writer's.
    /// </summary>
    private static bool IsActorPhrase(Document doc, ClauseAnalyzer.Range r)
    {
        var tokens = doc.TokenStore;
        for (int i = r.Start; i < r.End; i++)
        {
            var t = tokens[i];
            if (t.Kind == TokenKind.Word && char.IsUpper(doc.Text[t.Start]) && !(i == r.Start && StanceWords.Determiners.Contains(doc, i))) return true;
            if (StanceWords.InstitutionWords.Contains(doc, i) || StanceWords.PeopleWords.Contains(doc, i)) return true;
        }
        return false;
    }

    /// <summary>
    /// Belief, feeling and assertion verbs are the stance of their subject ("the Kremlin believes", "Moscow hailed",
    /// "Baku insists that"), not of the writer (GUIDELINES, settled cases).
    /// </summary>
    private static bool HasActorVerb(Document doc, in Candidate c, int sentenceStart)
    {
        if (!doc.IsTagged) return false;
        var tokens = doc.TokenStore;
        bool verb = false, feeling = false;
        for (int i = c.Start; i < c.End; i++)
        {
            var pos = doc.PosAt(i);
            verb |= pos == UPos.Verb;
            if (pos is not (UPos.Verb or UPos.Adj or UPos.Noun)) continue;
            var lower = doc.LowerText.AsSpan(tokens[i].Start, tokens[i].Length);
            var lemma = doc.LemmaAt(i) is { Length: > 0 } l ? l.AsSpan() : lower;
            var classes = StanceWordClasses.Default.Of(lemma) | StanceWordClasses.Default.Of(lower);
            // feelings are their experiencer's whatever the word class: "the government is concerned", "Riyadh's main worry"
            feeling |= (classes & StanceWordClass.Feeling) != 0;
            if (pos != UPos.Verb)
            {
                // a feeling noun needs its owner ("Riyadh's main worry"; "an economic concern" is the writer's)
                if (c.Type == StanceCueType.Attitude && (classes & StanceWordClass.Feeling) != 0 &&
                    (pos == UPos.Adj || new ClauseAnalyzer(doc).PossessiveBefore(sentenceStart, c.Start) >= 0)) return true;
                continue;
            }
            if ((classes & (StanceWordClass.Belief | StanceWordClass.Feeling)) != 0) return true;
            if ((classes & StanceWordClass.Booster) != 0 && (StanceWords.ReportingVerbs.Contains(lower) || StanceWords.ReportingVerbs.Contains(lemma))) return true;
        }
        return c.Type == StanceCueType.Attitude && verb && feeling; // "expressed confidence", "voiced frustration"
    }

    private static void SetHolder(Document doc, ClauseAnalyzer clause, ref Candidate c, ClauseAnalyzer.Range np)
    {
        var name = clause.HolderName(np, preferSurname: false);
        var t = doc.TokenStore;
        c.HolderRange = name;
        c.Holder = doc.Text[t[name.Start].Start..t[name.End - 1].End];
    }

    /// <summary>The reported-speech frames of the current sentence, found on first use.</summary>
    private sealed class FrameCache
    {
        private readonly List<ClauseAnalyzer.Frame> _frames = [];
        private int _start, _end;
        private bool _ready;

        public void Reset(int start, int end)
        {
            _start = start;
            _end = end;
            _ready = false;
        }

        public List<ClauseAnalyzer.Frame> Get(ClauseAnalyzer clause)
        {
            if (!_ready)
            {
                _frames.Clear();
                clause.Frames(_start, _end, _frames);
                _ready = true;
            }
            return _frames;
        }
    }

    private static bool SetFromFrame(Document doc, ClauseAnalyzer clause, FrameCache cache, ref Candidate c, string? lastActor)
    {
        ClauseAnalyzer.Frame? best = null;
        foreach (var f in cache.Get(clause))
            if (c.Start >= f.ScopeStart && c.End <= f.ScopeEnd && (c.Start >= f.Source.End || c.End <= f.Source.Start))
                if (best is null || f.ScopeStart >= best.Value.ScopeStart) best = f;
        if (best is not { } b) return false;
        if (clause.IsThirdPersonPronoun(b.Source))
        {
            // '"We cannot accept this," he told …': "he" is the last actor named before, if any
            if (lastActor is null) return false;
            c.Holder = lastActor;
            c.HolderRange = null;
            return true;
        }
        var name = clause.HolderName(b.Source, preferSurname: true);
        var t = doc.TokenStore;
        c.HolderRange = name;
        c.Holder = doc.Text[t[name.Start].Start..t[name.End - 1].End];
        return true;
    }
}
