namespace TextLens.Stance;

/// <summary>
/// Shallow clause analysis over tokens (with POS tags when the tagger has run, word lists otherwise): clause
/// segments, noun phrases, grammatical subjects and reported-speech sources. Stateless apart from the document.
/// </summary>
internal readonly struct ClauseAnalyzer
{
    private readonly Document _doc;
    private readonly TokenData[] _tokens;
    private readonly bool _tagged;

    /// <summary>The furthest (in tokens) any clause search looks; clauses are rarely longer.</summary>
    public const int Window = 60;

    /// <summary>At most this many reported-speech frames per sentence (a bound for hostile input).</summary>
    public const int MaxFrames = 16;

    public ClauseAnalyzer(Document doc)
    {
        _doc = doc;
        _tokens = doc.TokenStore;
        _tagged = doc.IsTagged;
    }

    /// <summary>A token range [Start, End).</summary>
    public readonly record struct Range(int Start, int End)
    {
        public int Length => End - Start;
    }

    /// <summary>A reported-speech frame: the source and the tokens it covers.</summary>
    public readonly record struct Frame(Range Source, int ScopeStart, int ScopeEnd);

    private ReadOnlySpan<char> Lower(int i) => _doc.LowerText.AsSpan(_tokens[i].Start, _tokens[i].Length);

    private char First(int i) => _doc.Text[_tokens[i].Start];

    private bool IsWord(int i) => _tokens[i].Kind is TokenKind.Word or TokenKind.Alphanumeric;

    private bool IsCapitalized(int i) => IsWord(i) && char.IsUpper(First(i));

    public bool IsPunct(int i) => _tokens[i].Kind == TokenKind.Punctuation;

    /// <summary>A hyphen or apostrophe glued to both neighbours ("Baku-based") is inside a word, not a boundary.</summary>
    private bool IsGlue(int i)
    {
        if (!IsPunct(i)) return false;
        char c = _doc.NormText[_tokens[i].Start];
        if (c != '-' && c != '\'') return false;
        bool before = i > 0 && _tokens[i - 1].End == _tokens[i].Start;
        bool after = i + 1 < _tokens.Length && _tokens[i].End == _tokens[i + 1].Start;
        return before && after;
    }

    /// <summary>True for punctuation that separates clauses or phrases (commas, semicolons, brackets, dashes).</summary>
    public bool IsPunctBoundary(int i) => IsPunct(i) && !IsGlue(i) && _doc.NormText[_tokens[i].Start] is not ('\'' or '.' or '"' or '*');

    /// <summary>Clause boundary: punctuation or a clause-opening word.</summary>
    public bool IsBoundary(int i) => IsPunctBoundary(i) || StanceWords.ClauseWords.Contains(_doc, i) && (!_tagged || _doc.PosAt(i) is UPos.Sconj or UPos.Pron or UPos.Det or UPos.Adv or UPos.Cconj or UPos.Adp);

    public bool IsNegator(int i) => StanceWords.Negators.Contains(_doc, i) && !(Lower(i).SequenceEqual("no") && i + 1 < _tokens.Length && IsCapitalized(i + 1));

    /// <summary>Index just after the last boundary before <paramref name="i"/>, not before <paramref name="floor"/>.</summary>
    public int SegmentStart(int floor, int i)
    {
        floor = Math.Max(floor, i - Window); // bounded look-back keeps hostile run-on sentences linear
        for (int j = i - 1; j >= floor; j--)
            if (IsBoundary(j)) return j + 1;
        return floor;
    }

    /// <summary>Index of the first boundary at or after <paramref name="i"/>, or <paramref name="ceiling"/>.</summary>
    public int SegmentEnd(int i, int ceiling)
    {
        ceiling = Math.Min(ceiling, i + Window);
        for (int j = i; j < ceiling; j++)
            if (IsBoundary(j)) return j;
        return ceiling;
    }

    private bool IsDeterminer(int i) => _tagged ? _doc.PosAt(i) is UPos.Det || (_doc.PosAt(i) is UPos.Num) : StanceWords.Determiners.Contains(_doc, i) || _tokens[i].Kind == TokenKind.Number;

    private bool IsPronoun(int i) => StanceWords.Pronouns.Contains(_doc, i) && (!_tagged || _doc.PosAt(i) is UPos.Pron or UPos.Det);

    private bool IsPreposition(int i) => _tagged ? _doc.PosAt(i) == UPos.Adp && !Lower(i).SequenceEqual("of") : StanceWords.Prepositions.Contains(_doc, i);

    /// <summary>Could token <paramref name="i"/> be inside a noun phrase?</summary>
    private bool IsNominal(int i)
    {
        if (_tagged)
            return _doc.PosAt(i) is UPos.Noun or UPos.Propn or UPos.Adj or UPos.Num or UPos.Det || (_doc.PosAt(i) == UPos.Punct && IsGlue(i));
        if (IsGlue(i)) return true;
        if (_tokens[i].Kind == TokenKind.Number) return true;
        if (!IsWord(i)) return false;
        if (StanceWords.NonNominal.Contains(_doc, i) || StanceWords.Negators.Contains(_doc, i)) return false;
        return true;
    }

    private static bool EndsLikeNationality(ReadOnlySpan<char> w) =>
        w.EndsWith("an") || w.EndsWith("ian") || w.EndsWith("ese") || w.EndsWith("ish") || w.EndsWith("i") || w.EndsWith("ern");

    /// <summary>The noun phrase that starts at <paramref name="start"/> (a determiner, pronoun, name or noun), ending before <paramref name="limit"/>.</summary>
    public Range? NounPhraseAt(int start, int limit)
    {
        if (start >= limit) return null;
        if (IsPronoun(start) && !IsDeterminerFollowedByNoun(start, limit)) return new Range(start, start + 1);
        if (!IsNominal(start) && !IsDeterminer(start)) return null;
        bool capitalRun = IsCapitalized(start);
        bool startsWithDet = IsDeterminer(start);
        int e = start + 1;
        while (e < limit && e - start < 10)
        {
            if (IsGlue(e) && e + 1 < limit) { e += 2; continue; }
            if (IsPossessiveAt(e, limit, out int skip)) { e += skip; capitalRun = false; startsWithDet = true; continue; }
            var low = Lower(e);
            if (low.SequenceEqual("and") || low.SequenceEqual("&") || low.SequenceEqual("of"))
            {
                if (e + 1 < limit && (IsCapitalized(e + 1) || IsDeterminer(e + 1) && e + 2 < limit && IsCapitalized(e + 2) ||
                                      low.SequenceEqual("and") && !_tagged && startsWithDet && IsNominal(e + 1) ||
                                      _tagged && _doc.PosAt(e + 1) is UPos.Propn or UPos.Noun or UPos.Adj or UPos.Det))
                { e++; continue; }
                break;
            }
            if (!IsNominal(e)) break;
            if (!_tagged && capitalRun && !IsCapitalized(e) && !startsWithDet && !EndsLikeNationality(Lower(e - 1)))
                break; // "France and Germany continue": a lower-case word after a bare name is its verb
            e++;
        }
        // do not end on "and"/"of"/glue
        while (e > start + 1 && (Lower(e - 1).SequenceEqual("and") || Lower(e - 1).SequenceEqual("of") || IsGlue(e - 1))) e--;
        return new Range(start, e);
    }

    private bool IsDeterminerFollowedByNoun(int i, int limit) =>
        (Lower(i).SequenceEqual("this") || Lower(i).SequenceEqual("that")) && i + 1 < limit && IsNominal(i + 1) && !IsPunct(i + 1) &&
        (!_tagged || _doc.PosAt(i + 1) is UPos.Noun or UPos.Propn or UPos.Adj);

    private bool IsPossessiveAt(int e, int limit, out int skip)
    {
        skip = 0;
        var low = Lower(e);
        if (low.SequenceEqual("'s") || low.SequenceEqual("'")) { skip = 1; }
        if (low.SequenceEqual("'") && e + 1 < limit && Lower(e + 1).SequenceEqual("s") && _tokens[e].End == _tokens[e + 1].Start) skip = 2;
        if (skip == 0) return false;
        return e + skip < limit && IsNominal(e + skip) && IsWord(e + skip);
    }

    /// <summary>The first noun phrase of the token range, skipping leading adverbs and prepositional phrases.</summary>
    public Range? FirstNounPhrase(int start, int end)
    {
        int p = start;
        while (p < end)
        {
            if (IsPreposition(p))
            {
                var pp = NounPhraseAt(p + 1, end);
                p = pp?.End ?? p + 1;
                continue;
            }
            if (IsNegator(p) || StanceWords.Auxiliaries.Contains(_doc, p)) return null; // the verb group came first: no subject here
            var np = NounPhraseAt(p, end);
            if (np is not null) return np;
            p++;
        }
        return null;
    }

    /// <summary>The noun phrase that ends just before <paramref name="end"/> (skipping verb-group adverbs), not before <paramref name="floor"/>.</summary>
    public Range? NounPhraseBefore(int floor, int end)
    {
        int e = end;
        while (e > floor && (StanceWords.VerbGroupAdverbs.Contains(_doc, e - 1) || StanceWords.Auxiliaries.Contains(_doc, e - 1) && !IsPronoun(e - 1))) e--;
        if (e <= floor) return null;
        int s = e;
        floor = Math.Max(floor, e - 12);
        while (s > floor)
        {
            int j = s - 1;
            if (IsBoundary(j) && !IsGlue(j)) break;
            var low = Lower(j);
            if ((low.SequenceEqual("and") || low.SequenceEqual("of")) && s < e && IsCapitalized(s)) { s = j; continue; }
            if (low.SequenceEqual("'s") || low.SequenceEqual("'")) { s = j; continue; }
            if (!IsNominal(j) && !IsDeterminer(j)) break;
            s = j;
        }
        if (s == e) return IsPronoun(e - 1) ? new Range(e - 1, e) : null;
        while (s < e && (Lower(s).SequenceEqual("and") || Lower(s).SequenceEqual("of"))) s++;
        return s < e ? new Range(s, e) : null;
    }

    /// <summary>
    /// The possessive mark ('s, or ' after a plural) of an owner before the cue, past up to three lower-case modifiers of
    /// a nominal cue ("Russia's territorial ambitions", "policymakers' main concern"); −1 when there is none.
    /// </summary>
    public int PossessiveBefore(int sentenceStart, int cueStart)
    {
        int k = cueStart - 1;
        if (_tagged && _doc.PosAt(cueStart) is UPos.Noun or UPos.Adj)
            for (int hops = 0; hops < 3 && k > sentenceStart + 1 && !IsCapitalized(k) && _doc.PosAt(k) is UPos.Adj or UPos.Noun; hops++) k--;
        if (IsPossessiveMark(sentenceStart, k)) return k;
        return IsPossessiveMark(sentenceStart, cueStart - 1) ? cueStart - 1 : -1;
    }

    private bool IsPossessiveMark(int sentenceStart, int k) =>
        k > sentenceStart && (Lower(k).SequenceEqual("'s") || Lower(k).SequenceEqual("s") && Lower(k - 1).SequenceEqual("'") ||
                              Lower(k).SequenceEqual("'") && Lower(k - 1).EndsWith("s") && _tokens[k - 1].End == _tokens[k].Start);

    /// <summary>
    /// The agent of a nominal cue without a possessive owner: the noun phrase after "of" or "(made) by" that follows it
    /// ("the ambitions of revisionist states", "reluctance by senior officials"); null otherwise.
    /// </summary>
    public Range? NominalAgent(int sentenceStart, int sentenceEnd, int cueStart, int cueEnd)
    {
        if (!_tagged || _doc.PosAt(cueEnd - 1) != UPos.Noun || PossessiveBefore(sentenceStart, cueStart) >= 0) return null;
        int k = cueEnd;
        if (k < sentenceEnd && Lower(k).SequenceEqual("made")) k++;
        if (k + 1 >= sentenceEnd || !(Lower(k).SequenceEqual("of") || Lower(k).SequenceEqual("by"))) return null;
        var np = NounPhraseAt(k + 1, sentenceEnd);
        return np is { } r && !IsPronoun(r.Start) && (_doc.PosAt(r.End - 1) is UPos.Noun or UPos.Propn) ? r : null;
    }

    /// <summary>The grammatical subject of the clause that holds the cue starting at <paramref name="cueStart"/>.</summary>
    public Range? Subject(int sentenceStart, int cueStart)
    {
        // possessive: "Azerbaijan's bid to", "Baku's rejection", and past the modifiers of a nominal cue: "Russia's
        // territorial ambitions", "Beijing's global leadership ambitions"
        int k = PossessiveBefore(sentenceStart, cueStart);
        if (k >= 0)
        {
            int end = Lower(k).SequenceEqual("s") ? k - 1 : k;
            var owner = NounPhraseBefore(sentenceStart, end);
            if (owner is not null) return owner;
        }
        int seg = SegmentStart(sentenceStart, cueStart);
        var np = FirstNounPhrase(seg, cueStart);
        if (np is not null) return np;
        // the cue opens its segment ("Baku, in turn, seeks to", "Armenia, which refuses"): look at earlier segments
        int boundary = seg - 1;
        for (int hops = 0; hops < 4 && boundary > sentenceStart; hops++)
        {
            int prevStart = SegmentStart(sentenceStart, boundary);
            if (prevStart < boundary)
            {
                bool adverbial = !IsCapitalized(prevStart) && !IsDeterminer(prevStart) && boundary - prevStart <= 4 || IsPreposition(prevStart)
                                 || Lower(prevStart).SequenceEqual("as") || Lower(prevStart).SequenceEqual("according");
                if (!adverbial)
                {
                    var cand = FirstNounPhrase(prevStart, boundary);
                    if (cand is not null) return cand;
                }
            }
            boundary = prevStart - 1;
        }
        return null;
    }

    /// <summary>Reported-speech frames of a sentence: "According to X, …", "As X said, …", "X said that …", "…, X said.", "In X, this is seen as …".</summary>
    public void Frames(int sentenceStart, int sentenceEnd, List<Frame> frames)
    {
        for (int i = sentenceStart; i < sentenceEnd && frames.Count < MaxFrames; i++)
        {
            var low = Lower(i);
            if (low.SequenceEqual("according") && i + 1 < sentenceEnd && Lower(i + 1).SequenceEqual("to"))
            {
                int segEnd = SegmentEnd(i + 2, sentenceEnd);
                var np = FirstNounPhrase(i + 2, segEnd);
                if (np is { } r) frames.Add(new Frame(r, sentenceStart, sentenceEnd));
                continue;
            }
            if (low.SequenceEqual("as") && (i == sentenceStart || IsPunctBoundary(i - 1)))
            {
                int segEnd = SegmentEnd(i + 1, sentenceEnd);
                for (int v = i + 2; v < segEnd; v++)
                {
                    if (!StanceWords.ReportingVerbs.Contains(_doc, v)) continue;
                    var np = NounPhraseBefore(i + 1, v);
                    if (np is { } r && !IsPronounOnly(r)) frames.Add(new Frame(r, segEnd, sentenceEnd));
                    break;
                }
                continue;
            }
            if (low.SequenceEqual("in") && i == sentenceStart && i + 1 < sentenceEnd && IsCapitalized(i + 1))
            {
                var np = NounPhraseAt(i + 1, sentenceEnd);
                if (np is { } r && r.End < sentenceEnd && IsPunctBoundary(r.End))
                {
                    for (int v = r.End + 1; v < Math.Min(sentenceEnd, r.End + Window); v++)
                        if (StanceWords.PerceptionVerbs.Contains(_doc, v) && v > 0 && StanceWords.Auxiliaries.Contains(_doc, v - 1))
                        {
                            frames.Add(new Frame(r, r.End + 1, sentenceEnd));
                            break;
                        }
                }
                continue;
            }
            if (StanceWords.ReportingVerbs.Contains(_doc, i) && (!_tagged || _doc.PosAt(i) is UPos.Verb or UPos.Aux))
            {
                if (i > sentenceStart && StanceWords.Auxiliaries.Contains(_doc, i - 1) && !Lower(i - 1).SequenceEqual("has") && !Lower(i - 1).SequenceEqual("have") && !Lower(i - 1).SequenceEqual("had")) continue; // "is believed", "will say"
                if (StanceWords.AmbiguousReportingVerbs.Contains(_doc, i) &&
                    !(i + 1 < sentenceEnd && (Lower(i + 1).SequenceEqual("that") || IsPunct(i + 1)))) continue; // "member states", "the notes"
                // "Pashinyan, for his part, insists that …": past a parenthetical, as for any subject
                var np = NounPhraseBefore(Math.Max(sentenceStart, SegmentStart(sentenceStart, i)), i) ?? Subject(sentenceStart, i);
                if (np is not { } r) continue;
                // a pronoun speaks only after a quote or comma at the end ('"…," he said.'); "he said that …" keeps the clause's own subject
                bool pronoun = IsPronounOnly(r);
                if (pronoun && !IsThirdPersonPronoun(r)) continue;
                if (Lower(i).SequenceEqual("pointed") || Lower(i).SequenceEqual("points"))
                    if (!(i + 1 < sentenceEnd && Lower(i + 1).SequenceEqual("out"))) continue;
                int after = i + 1;
                while (after < sentenceEnd && IsPunct(after) && !IsPunctBoundary(after)) after++;
                bool atEnd = after >= sentenceEnd || (after == sentenceEnd - 1 && IsPunct(after));
                // '"…," the minister told reporters.' / '…, officials said on Monday.': a speaker after a comma or quote, few words left
                // after a closing quote the attribution may run longer: '"…," he told the Munich Security Conference in February.'
                int tail = r.Start > sentenceStart && IsClosingQuote(r.Start - 1) ? 8 : 5;
                if (!atEnd && r.Start > sentenceStart && IsPunct(r.Start - 1) && sentenceEnd - after <= tail && !Lower(after).SequenceEqual("that"))
                {
                    bool clauseAfter = false;
                    for (int q = after; q < sentenceEnd; q++) if (IsBoundary(q) && !IsPunct(q)) { clauseAfter = true; break; }
                    atEnd = !clauseAfter;
                }
                bool thatFollows = i + 1 < sentenceEnd && Lower(i + 1).SequenceEqual("that");
                if (atEnd)
                {
                    // "…, the minister said." needs the comma (or quote) before the speaker
                    if (r.Start > sentenceStart && IsPunct(r.Start - 1)) frames.Add(new Frame(r, sentenceStart, r.Start));
                }
                else if (!pronoun && (thatFollows || !StanceWords.AmbiguousReportingVerbs.Contains(_doc, i)))
                {
                    // the report ends where the writer comments on it: "…, which would be a serious setback"
                    int scopeEnd = sentenceEnd;
                    for (int q = i + 1; q + 1 < Math.Min(sentenceEnd, i + Window); q++)
                        if (IsPunctBoundary(q) && Lower(q + 1).SequenceEqual("which")) { scopeEnd = q; break; }
                    frames.Add(new Frame(r, i + 1, scopeEnd));
                }
            }
        }
    }

    private bool IsClosingQuote(int i) => Lower(i) is "\"" or "\u201D" or "\u2019" or "\u00BB" or "'";

    private bool IsPronounOnly(Range r) => r.Length == 1 && IsPronoun(r.Start);

    /// <summary>True when the range is a single expletive or relative pronoun ("it", "this", "there", "which").</summary>
    public bool IsExpletive(Range r)
    {
        if (r.Length != 1) return false;
        var w = Lower(r.Start);
        return w.SequenceEqual("it") || w.SequenceEqual("this") || w.SequenceEqual("that") || w.SequenceEqual("there") ||
               w.SequenceEqual("which") || w.SequenceEqual("what") || w.SequenceEqual("who") || w.SequenceEqual("one");
    }

    /// <summary>True for a subject "it" (an actor's refusal or commitment cannot have an expletive subject).</summary>
    public bool IsReferentialIt(Range r) => r.Length == 1 && Lower(r.Start).SequenceEqual("it");

    /// <summary>True for first-person pronouns: the author speaking.</summary>
    public bool IsFirstPerson(Range r)
    {
        if (r.Length != 1) return false;
        var w = Lower(r.Start);
        return w.SequenceEqual("i") || w.SequenceEqual("we") || w.SequenceEqual("us");
    }

    /// <summary>True for third-person pronouns that refer back to an earlier actor.</summary>
    public bool IsThirdPersonPronoun(Range r)
    {
        if (r.Length != 1) return false;
        var w = Lower(r.Start);
        return w.SequenceEqual("he") || w.SequenceEqual("she") || w.SequenceEqual("they");
    }

    /// <summary>
    /// The holder's name inside a noun phrase: titles dropped, a person reduced to the surname ("Foreign Minister
    /// Bayramov" → "Bayramov"), a leading "the" kept only for common-noun phrases ("the two countries").
    /// </summary>
    public Range HolderName(Range np, bool preferSurname)
    {
        int s = np.Start, e = np.End;
        // entity-aware: a PERSON entity inside the phrase gives its surname
        var ents = _doc.Entities;
        for (int k = FirstEntityEndingAfter(s); k < ents.Count; k++)
        {
            var ent = ents[k];
            if (ent.TokenStart >= e) break;
            if (ent.Label == EntityLabel.Person && ent.TokenStart >= s && ent.TokenEnd <= e && !ContainsAnd(np) &&
                !(ent.TokenEnd - ent.TokenStart > 1 && StanceWords.PlaceFirstWords.Contains(_doc, ent.TokenStart)))
                return new Range(ent.TokenEnd - 1, ent.TokenEnd);
        }
        // titles are not part of a name: "Serbian President Aleksandar Vucic" -> "Aleksandar Vucic"
        int lastTitle = -1;
        for (int i = s; i < e - 1; i++)
            if (IsCapitalized(i) && StanceWords.Titles.Contains(_doc, i) && IsCapitalized(i + 1)) lastTitle = i;
        bool hadTitle = lastTitle >= 0;
        if (hadTitle) s = lastTitle + 1;
        // "the EU", "The RSF": a proper name loses its article; "the two countries" keeps it
        if (s < e - 1 && Lower(s).SequenceEqual("the") && IsAllCapitalized(s + 1, e)) s++;
        int len = e - s;
        if ((hadTitle || preferSurname) && len >= 2 && len <= 3 && IsAllCapitalized(s, e) && !ContainsAnd(new Range(s, e)) &&
            !StanceWords.InstitutionWords.Contains(_doc, e - 1) && (hadTitle || !StanceWords.PlaceFirstWords.Contains(_doc, s)) &&
            !HasEntityOtherThanPerson(s, e) && !IsDeterminer(s))
            return new Range(e - 1, e);
        return new Range(s, e);
    }

    /// <summary>Index of the first entity that ends after token <paramref name="token"/> (entities are sorted and non-overlapping).</summary>
    private int FirstEntityEndingAfter(int token)
    {
        var ents = _doc.Entities;
        int lo = 0, hi = ents.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (ents[mid].TokenEnd <= token) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private bool HasEntityOtherThanPerson(int s, int e)
    {
        var ents = _doc.Entities;
        for (int k = FirstEntityEndingAfter(s); k < ents.Count; k++)
        {
            var ent = ents[k];
            if (ent.TokenStart >= e) break;
            if (ent.Label != EntityLabel.Person) return true;
        }
        return false;
    }

    private bool IsAllCapitalized(int s, int e)
    {
        for (int i = s; i < e; i++)
            if (!IsCapitalized(i)) return false;
        return true;
    }

    private bool ContainsAnd(Range r)
    {
        for (int i = r.Start; i < r.End; i++)
            if (Lower(i).SequenceEqual("and") || Lower(i).SequenceEqual("&")) return true;
        return false;
    }
}
