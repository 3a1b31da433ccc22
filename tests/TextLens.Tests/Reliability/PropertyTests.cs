using CsCheck;

namespace TextLens.Reliability;

/// <summary>Offset invariants of every annotation layer over random text (CsCheck, fixed iteration counts, shrinking on failure).</summary>
public class PropertyTests
{
    private static readonly Lazy<TextLens.Pipeline> Nlp = new(() => TextLens.Pipeline.CreateEnglish());

    private static readonly string[] Pieces =
    [
        "Azerbaijan", "Armenia", "Baku", "Yerevan", "the", "European Union", "Aliyev", "said", "will not", "sign", "must", "should",
        "unless", "until", "only if", "likely", "clearly", "unfortunately", "peace", "treaty", "good", "bad", "not", "very",
        "U.S.", "Dr.", "e.g.", "Mr.", "don't", "it's", "state-of-the-art", "3.5", "1,000", "50%", "$100", "2025", "April 17, 2025",
        ".", ",", "!", "?", "...", "…", ";", ":", "(", ")", "[", "]", "\"", "“", "”", "'", "’", "-", "—", "/",
        " ", " ", " ", "  ", "\n", "\n\n", "\t", "\r\n", "\u00A0", "\u2028",
        "https://example.org/a?b=c", "user@example.com", "#tag", "@user",
        "\uD83D\uDE00", "\u200D", "\u200F", "\u202E", "\uFEFF", "e\u0301", "مرحبا", "שלום", "Привет", "中文", "\uD800", "\uDC00",
    ];

    private static readonly Gen<string> PieceText = Gen.OneOf(Pieces).Array[0, 80].Select(a => string.Concat(a));

    private static readonly Gen<string> AnyText = Gen.Frequency(
        (3, PieceText),
        (1, Gen.String),
        (1, Gen.Char.Array[0, 200].Select(c => new string(c))));

    [Test]
    public void PipelineLayersSatisfyOffsetInvariants() =>
        AnyText.Sample(text => DocumentInvariants.Check(Nlp.Value.Process(text), text), iter: 400, seed: "0N0XIzNsQ0O2");

    [Test]
    public void TokenizerSatisfiesOffsetInvariants() =>
        AnyText.Sample(text => DocumentInvariants.Check(Tokenizer.Default.Tokenize(text), text), iter: 2000, seed: "0N0XIzNsQ0O2");

    [Test]
    public void ProcessingIsDeterministic() =>
        PieceText.Sample(text => Nlp.Value.Process(text).ToJson() == Nlp.Value.Process(text).ToJson(), iter: 200, seed: "0N0XIzNsQ0O2");

    [Test]
    public void ConcatenatedParagraphsKeepTheirAnnotationsUpToShift()
    {
        // The offsets of a paragraph's tokens do not depend on what precedes it after a blank line (needed for chunked processing).
        PieceText.Select(PieceText).Sample((a, b) =>
        {
            string left = a.TrimEnd() + "\n\n", right = b;
            var whole = Tokenizer.Default.Tokenize(left + right);
            var part = Tokenizer.Default.Tokenize(right);
            var tail = whole.Tokens.Where(t => t.Start >= left.Length).Select(t => (t.Start - left.Length, t.End - left.Length, t.Kind));
            return tail.SequenceEqual(part.Tokens.Select(t => (t.Start, t.End, t.Kind)));
        }, iter: 300, seed: "0N0XIzNsQ0O2");
    }
}
