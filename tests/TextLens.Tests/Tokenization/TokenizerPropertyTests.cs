using CsCheck;

namespace TextLens.Tests.Tokenization;

/// <summary>Invariants of tokens, sentences and paragraphs over random Unicode text.</summary>
public class TokenizerPropertyTests
{
    private static readonly TextLens.Pipeline Nlp = new TextLens.Pipeline().Add(new SentenceSplitter());

    private static readonly string[] Fragments =
    [
        "Dr.", "U.S.", "e.g.", "No.", "etc.", "J.", "don't", "can't", "Azerbaijan's", "’s", "n't", "cannot",
        "https://x.org/a_(b)", "www.example.org", "commonsplace.eu", "a@b.com", "@", "11-13", "S-400", "COP29", "1,500.75",
        "$5bn", "5%", "€", "...", "…", "“", "”", "‘", "’", "'", "\"", "(", ")", "[", "]", "](#)", "*", "_", "-", "--", "–", "—",
        ".", "!", "?", ",", ":", ";", "/", "&", "#", "🇦🇿", "👨‍👩‍👧", "👍🏽", "❤️", "\uFE0F", "\u200D", "\u0301", "\uD800", "\uDC00",
        "\uDBFF\uDFFF", "\0", "\u0001", "\u007F", "\uFEFF", "Türkiye", "Москва", "东京", "𝐀", "The", "the", "is", "1.", "iv.",
    ];

    private static readonly Gen<string> Piece = Gen.Frequency(
        (4, Gen.Char.Select(c => c.ToString())),                                    // any UTF-16 code unit, surrogates included
        (3, Gen.Char["abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"].Array[1, 8].Select(a => new string(a))),
        (3, Gen.Char[" \t\n\r\u00A0\u2028\u2029\u3000\u000B\u000C\u0085"].Array[1, 4].Select(a => new string(a))),
        (4, Gen.OneOf(Fragments)));

    private static readonly Gen<string> Text = Piece.Array[0, 60].Select(p => string.Concat(p));

    [Test]
    public void TokensAreOrderedNonOverlappingAndCoverEveryNonWhitespaceCharacterOnce() =>
        Text.Sample(text =>
        {
            var doc = Nlp.Process(text);
            var covered = new int[text.Length];
            int prevEnd = 0;
            foreach (var t in doc.Tokens)
            {
                if (t.Length <= 0 || t.Start < prevEnd || t.End > text.Length) return false;
                if (t.SpaceAfter != (t.End < text.Length && char.IsWhiteSpace(text[t.End]))) return false;
                for (int i = t.Start; i < t.End; i++) covered[i]++;
                prevEnd = t.End;
            }
            for (int i = 0; i < text.Length; i++)
                if (covered[i] != (char.IsWhiteSpace(text[i]) ? 0 : 1)) return false;
            return true;
        }, iter: 3000);

    [Test]
    public void SentencesTileTheTokensAndParagraphsTileTheSentences() =>
        Text.Sample(text =>
        {
            var doc = Nlp.Process(text);
            int n = doc.Tokens.Count;
            if (n == 0) return doc.Sentences.Count == 0 && doc.Paragraphs.Count == 0;
            int next = 0;
            for (int i = 0; i < doc.Sentences.Count; i++)
            {
                var s = doc.Sentences[i];
                if (s.Index != i || s.TokenStart != next || s.TokenEnd <= s.TokenStart) return false;
                if (s.Start != doc.Tokens[s.TokenStart].Start || s.End != doc.Tokens[s.TokenEnd - 1].End) return false;
                next = s.TokenEnd;
            }
            if (next != n) return false;
            for (int t = 0; t < n; t++)
            {
                var s = doc.Sentences[doc.Tokens[t].SentenceIndex];
                if (t < s.TokenStart || t >= s.TokenEnd) return false;
            }
            int sent = 0, prevEnd = -1;
            for (int i = 0; i < doc.Paragraphs.Count; i++)
            {
                var p = doc.Paragraphs[i];
                if (p.Index != i || p.SentenceStart != sent || p.SentenceEnd <= p.SentenceStart || p.Start <= prevEnd || p.End < p.Start) return false;
                if (p.Start != doc.Sentences[p.SentenceStart].Start || p.End != doc.Sentences[p.SentenceEnd - 1].End) return false;
                sent = p.SentenceEnd;
                prevEnd = p.End;
            }
            return sent == doc.Sentences.Count;
        }, iter: 3000);

    [Test]
    public void SameInputGivesSameOutput() =>
        Text.Sample(text =>
        {
            var a = Nlp.Process(text);
            var b = Nlp.Process(text);
            return a.Tokens.Select(t => (t.Start, t.End, t.Kind, t.SpaceAfter)).SequenceEqual(b.Tokens.Select(t => (t.Start, t.End, t.Kind, t.SpaceAfter)))
                && a.Sentences.Select(s => (s.TokenStart, s.TokenEnd)).SequenceEqual(b.Sentences.Select(s => (s.TokenStart, s.TokenEnd)))
                && a.Paragraphs.SequenceEqual(b.Paragraphs)
                && a.ToJson() == b.ToJson();
        }, iter: 1000);
}
