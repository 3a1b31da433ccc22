namespace TextLens.Tests.Matching;

public class PatternMatcherTests
{
    private static Document Doc(string text) => Tokenizer.Default.Tokenize(text, "t");

    private static string[] Texts(Document doc, IEnumerable<PatternMatch> matches) =>
        matches.Select(m => $"{m.Label}:{m.Text(doc)}").ToArray();

    [Test]
    public void BareWordsMatchLowerCaseWithOffsets()
    {
        var doc = Doc("Baku WILL not sign it; Yerevan will sign.");
        var m = new PatternMatcher();
        m.Add("REF", "will not sign");
        var found = m.FindAll(doc);
        Assert.That(found, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(found[0].TokenStart, Is.EqualTo(1));
            Assert.That(found[0].TokenEnd, Is.EqualTo(4));
            Assert.That(found[0].StartOffset(doc), Is.EqualTo(5));
            Assert.That(found[0].EndOffset(doc), Is.EqualTo(18));
            Assert.That(found[0].Text(doc), Is.EqualTo("WILL not sign"));
        });
    }

    [Test]
    public void AlternativesOptionalAndLongestPerStart()
    {
        var doc = Doc("They shall sign. We will not sign. You would never sign.");
        var m = new PatternMatcher();
        m.Add("A", "will|shall not? sign");
        m.Add("B", "[lower=would|will] [lower=never|not]? sign");
        Assert.That(Texts(doc, m.FindAll(doc)), Is.EqualTo(new[] { "A:shall sign", "A:will not sign", "B:will not sign", "B:would never sign" }));
    }

    [Test]
    public void RepeatsAndBoundedGaps()
    {
        var doc = Doc("very very very good ; a b c d target ; x target");
        var m = new PatternMatcher();
        m.Add("R", "very{2,3} good");
        m.Add("P", "[lower=very]+ good");
        m.Add("G", "a []{0,3} target");
        m.Add("G2", "x []{0,3} target");
        m.Add("S", "d [lower=zzz]* target");
        Assert.That(Texts(doc, m.FindAll(doc)), Is.EqualTo(new[]
        {
            "R:very very very good", "P:very very very good", "R:very very good", "P:very very good",
            "P:very good", "G:a b c d target", "S:d target", "G2:x target",
        }));
    }

    [Test]
    public void GapLongerThanBoundDoesNotMatch()
    {
        var doc = Doc("a b c d e target");
        var m = new PatternMatcher();
        m.Add("G", "a []{0,3} target");
        Assert.That(m.FindAll(doc), Is.Empty);
    }

    [Test]
    public void LemmaFallsBackToLowerWithoutLemmasAndUsesLemmasWhenPresent()
    {
        var m = new PatternMatcher();
        m.Add("L", "[lemma=refuse] to");
        var untagged = Doc("They refuse to go. She refused to go.");
        Assert.That(Texts(untagged, m.FindAll(untagged)), Is.EqualTo(new[] { "L:refuse to" }));

        var tagged = Doc("She refused to go.");
        tagged.SetLemmas(["she", "refuse", "to", "go", "."]);
        Assert.That(Texts(tagged, m.FindAll(tagged)), Is.EqualTo(new[] { "L:refused to" }));
    }

    [Test]
    public void PosTagShapeKindAndFlags()
    {
        var doc = Doc("In May Armenia may sign 2025 deals.");
        doc.SetTags([UPos.Adp, UPos.Propn, UPos.Propn, UPos.Aux, UPos.Verb, UPos.Num, UPos.Noun, UPos.Punct],
                    ["IN", "NNP", "NNP", "MD", "VB", "CD", "NNS", "."]);
        var m = new PatternMatcher();
        m.Add("MODAL", "[lower=may pos=AUX]");
        m.Add("MONTH", "[lower=may pos!=AUX]");
        m.Add("MD", "[tag=md] [pos=VERB]");
        m.Add("YEAR", "[shape=dddd kind=Number]");
        m.Add("TITLE", "[is_title !sent_start pos=PROPN]");
        m.Add("PRE", "[lower=dea*]");
        Assert.That(Texts(doc, m.FindAll(doc)), Is.EqualTo(new[]
        {
            "MONTH:May", "TITLE:May", "TITLE:Armenia", "MODAL:may", "MD:may sign", "YEAR:2025", "PRE:deals",
        }));
    }

    [Test]
    public void EntityLabelConditions()
    {
        var doc = Doc("The Republic of Armenia rejects it and Pashinyan agrees.");
        doc.SetEntities([
            new Entity(EntityLabel.Gpe, 4, 23, 1, 4, "Republic of Armenia", EntitySource.Rule, null),
            new Entity(EntityLabel.Person, 39, 48, 7, 8, "Pashinyan", EntitySource.Rule, null),
        ]);
        var m = new PatternMatcher();
        m.Add("GPE_REJECT", "[ent=GPE]+ rejects");
        m.Add("ANY", "[ent=*] agrees");
        m.Add("NONE", "[ent!=*] it");
        Assert.That(Texts(doc, m.FindAll(doc)), Is.EqualTo(new[] { "GPE_REJECT:Republic of Armenia rejects", "GPE_REJECT:of Armenia rejects", "GPE_REJECT:Armenia rejects", "NONE:rejects it", "ANY:Pashinyan agrees" }));
    }

    [Test]
    public void QuotedValuesAndTypographicQuotes()
    {
        var doc = Doc("Is it \u201Cover\u201D? Yes.");
        var m = new PatternMatcher();
        m.Add("Q", "\"\\\"\" over [text=\"\\\"\"] \"?\"");
        Assert.That(Texts(doc, m.FindAll(doc)), Is.EqualTo(new[] { "Q:\u201Cover\u201D?" }));
    }

    [Test]
    public void RangeLimitsMatchesAndSelectLongestRemovesOverlaps()
    {
        var doc = Doc("it is clear that they will not sign");
        var m = new PatternMatcher();
        m.Add("B", "it is clear that");
        m.Add("B1", "clear");
        m.Add("R", "will not sign");
        m.Add("R1", "not");
        Assert.That(Texts(doc, m.FindAll(doc, 0, 3)), Is.EqualTo(new[] { "B1:clear" }));
        var kept = PatternMatcher.SelectLongest(m.FindAll(doc));
        Assert.That(Texts(doc, kept), Is.EqualTo(new[] { "B:it is clear that", "R:will not sign" }));
    }

    [TestCase("", "pattern is empty")]
    [TestCase("[lower=will", "'[' at position 1 is not closed")]
    [TestCase("[color=red]", "unknown attribute 'color'")]
    [TestCase("[pos=VRB]", "unknown part of speech 'VRB'")]
    [TestCase("[lemma=sign|pos=VERB]", "contains '='")]
    [TestCase("will{3,1}", "max < min")]
    [TestCase("will?", "can match zero tokens")]
    [TestCase("[]{0,99} x", "is not a number from 0 to 63")]
    [TestCase("a ] b", "unexpected ']'")]
    [TestCase("[kind=Wordish]", "unknown token kind")]
    [TestCase("[lower=\"x]", "not closed")]
    public void MalformedPatternsThrowArgumentException(string pattern, string problem)
    {
        var e = Assert.Throws<ArgumentException>(() => TokenPattern.Parse(pattern));
        Assert.That(e!.Message, Does.Contain(problem));
        Assert.That(TokenPattern.TryParse(pattern, out var p, out var error), Is.False);
        Assert.That(p, Is.Null);
        Assert.That(error, Does.Contain(problem));
    }

    [Test]
    public void NullArgumentsThrow()
    {
        var m = new PatternMatcher();
        Assert.Throws<ArgumentNullException>(() => TokenPattern.Parse(null!));
        Assert.Throws<ArgumentNullException>(() => m.Add(null!, "x"));
        Assert.Throws<ArgumentNullException>(() => m.FindAll(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => m.FindAll(Doc("a b"), 0, 5));
    }

    [Test]
    public void CsvPatternsLoadAndMalformedOnesNameFileAndLine()
    {
        var m = PatternMatcher.ReadCsv(new StringReader("# comment\nlabel,pattern\nREF,will not sign\n\"REF\",\"[lemma=reject] [pos=DET]?\"\n"), "rules.csv");
        Assert.That(m.Count, Is.EqualTo(2));
        Assert.That(m.GetLabel(1), Is.EqualTo("REF"));
        Assert.That(m.GetPattern(1).Source, Is.EqualTo("[lemma=reject] [pos=DET]?"));

        var e = Assert.Throws<DataFileException>(() => PatternMatcher.ReadCsv(new StringReader("label,pattern\nA,ok\nB,[lower=x\n"), "rules.csv"));
        Assert.Multiple(() =>
        {
            Assert.That(e!.File, Is.EqualTo("rules.csv"));
            Assert.That(e.Line, Is.EqualTo(3));
            Assert.That(e.Problem, Does.Contain("not closed"));
        });
        var missing = Assert.Throws<DataFileException>(() => PatternMatcher.ReadCsv(new StringReader("label,rule\nA,x\n"), "r.csv"));
        Assert.That(missing!.Problem, Does.Contain("'pattern'"));
    }

    [Test]
    public void UnboundedPatternsStayLinearOnHostileInput()
    {
        var text = string.Join(' ', Enumerable.Repeat("a", 50_000));
        var doc = Doc(text);
        var m = new PatternMatcher(maxMatchLength: 8);
        m.Add("X", "[]* [lower=a]+ b");
        m.Add("Y", "a+ a");
        var found = m.FindAll(doc);
        Assert.That(found, Has.Count.EqualTo(49_999));
        Assert.That(found.All(x => x.Label == "Y" && x.Length == Math.Min(8, 50_000 - x.TokenStart)), Is.True);
    }

    [Test]
    public void TryMatchAtReportsLongestEnd()
    {
        var doc = Doc("not not not sign");
        var p = TokenPattern.Parse("not+ sign?");
        Assert.That(p.TryMatchAt(doc, 0, out int end), Is.True);
        Assert.That(end, Is.EqualTo(4));
        Assert.That(p.TryMatchAt(doc, 3, out _), Is.False);
        Assert.Multiple(() =>
        {
            Assert.That(p.MinLength, Is.EqualTo(1));
            Assert.That(p.MaxLength, Is.Null);
            Assert.That(TokenPattern.Parse("a b? []{1,3}").MaxLength, Is.EqualTo(5));
        });
    }

    /// <summary>The automaton agrees with a naive backtracking reference on random inputs.</summary>
    [Test]
    public void AgreesWithBacktrackingReference()
    {
        var rng = new Random(12345);
        string[] words = ["a", "b", "c"];
        string[] ops = ["", "", "?", "*", "+", "{1,2}", "{0,2}", "{2}"];
        for (int trial = 0; trial < 400; trial++)
        {
            var elems = new List<(string W, int Min, int Max)>();
            var parts = new List<string>();
            int n = rng.Next(1, 5);
            for (int e = 0; e < n; e++)
            {
                string w = rng.Next(5) == 0 ? "[]" : words[rng.Next(3)];
                string op = ops[rng.Next(ops.Length)];
                var (min, max) = op switch { "?" => (0, 1), "*" => (0, 99), "+" => (1, 99), "{1,2}" => (1, 2), "{0,2}" => (0, 2), "{2}" => (2, 2), _ => (1, 1) };
                elems.Add((w, min, max));
                parts.Add(w + op);
            }
            if (elems.All(x => x.Min == 0)) continue;
            var pattern = TokenPattern.Parse(string.Join(' ', parts));
            var toks = Enumerable.Range(0, rng.Next(1, 9)).Select(_ => words[rng.Next(3)]).ToArray();
            var doc = Doc(string.Join(' ', toks));
            for (int s = 0; s < toks.Length; s++)
            {
                int expected = Reference(elems, 0, toks, s, s);
                int got = pattern.TryMatchAt(doc, s, out int end) ? end : -1;
                Assert.That(got, Is.EqualTo(expected), $"pattern '{pattern}' on '{string.Join(' ', toks)}' at {s}");
            }
        }
    }

    private static int Reference(List<(string W, int Min, int Max)> elems, int e, string[] toks, int pos, int start)
    {
        if (e == elems.Count) return pos > start ? pos : -1;
        var (w, min, max) = elems[e];
        int best = -1;
        int count = 0, p = pos;
        while (true)
        {
            if (count >= min) best = Math.Max(best, Reference(elems, e + 1, toks, p, start));
            if (count == max || p >= toks.Length || (w != "[]" && toks[p] != w)) break;
            p++;
            count++;
        }
        return best;
    }
}
