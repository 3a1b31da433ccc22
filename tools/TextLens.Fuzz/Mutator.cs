using System.Text;

namespace TextLens.Fuzz;

/// <summary>libFuzzer-style mutations over bytes, with a dictionary of tricky tokens for text inputs. Deterministic for a given <see cref="Random"/>.</summary>
internal sealed class Mutator(Random rng, int maxLength)
{
    /// <summary>Tokens that stress tokenizers, splitters, matchers and CSV readers.</summary>
    private static readonly string[] TextDictionary =
    [
        " ", "  ", "\n", "\n\n", "\r\n", "\t", "\u00A0", "\u2028", "\u2029", "\u0085", "\f", "\v", "\0",
        ".", "...", "…", "!", "?", "?!", ";", ":", ",", "-", "—", "–", "'", "’", "‘", "\"", "“", "”", "«", "»", "`", "´",
        "(", ")", "[", "]", "{", "}", "<", ">", "((((", "))))", "((((((((((((", "<script>alert(1)</script>", "&amp;", "&#x26;",
        "U.S.", "e.g.", "i.e.", "Mr.", "Dr.", "No.", "St.", "a.m.", "Jan.", "etc.", "vs.", "Inc.", "Ph.D.",
        "don't", "won't", "can't", "it's", "'s", "n't", "o'clock", "rock'n'roll", "state-of-the-art", "co-operation",
        "http://example.com/a?b=c&d=e#f", "https://x.org/", "www.example.org", "user@example.com", "@handle", "#tag",
        "3.14", "1,000,000", "-5", "+7", "50%", "$100", "€5", "1990s", "2025-04-17", "17.04.2025", "12:30", "1/2", "½", "²", "٣",
        "\uD83D\uDE00", "\uD83C\uDDE6\uD83C\uDDFF", "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67", "\u200D", "\u200C", "\u200B", "\uFEFF",
        "\u200E", "\u200F", "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069",
        "e\u0301", "\u0301", "\u0300\u0301\u0302\u0303", "ﬁ", "Ǆ", "İ", "ß", "ẞ", "Σ", "ς",
        "مرحبا", "שלום", "Привет", "Ελλάδα", "中文", "日本語", "한국어", "हिन्दी", "ไทย", "Azərbaycan", "Հայաստան", "ქართული",
        "Azerbaijan", "Armenia", "Aliyev", "Pashinyan", "Washington", "European Union", "OSCE", "Minsk Group", "April 17, 2025",
        "will not", "must", "should", "unless", "only if", "until", "is ready to", "seeks to", "likely", "clearly", "unfortunately",
        "not", "never", "no", "but", "however", "very", "good", "bad", "peace", "war", "!!!", ":)", ":-(",
        ",", "\"\"", "\"a,b\"", "\"\n\"", "#", "# comment\n", "a,b,c\n", "a\n", "a,a\n", ",,,,\n", "\"unterminated",
        "1e308", "1e309", "NaN", "-Infinity", "0x10", "Refusal", "refusal", "7", "-1",
    ];

    private static readonly byte[][] ByteDictionary = [.. TextDictionary.Select(Encoding.UTF8.GetBytes)];

    private static readonly byte[][] InterestingInts =
    [
        [0, 0, 0, 0], [1, 0, 0, 0], [0xFF, 0xFF, 0xFF, 0xFF], [0xFF, 0xFF, 0xFF, 0x7F], [0, 0, 0, 0x80],
        [0x10, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0xFE, 0xFF, 0xFF, 0xFF], [0x7F], [0x80], [0xFF], [0],
    ];

    public byte[] Mutate(byte[] input, IReadOnlyList<byte[]> corpus, bool text)
    {
        var data = new List<byte>(input);
        int rounds = 1 + rng.Next(rng.Next(2) == 0 ? 2 : 8);
        for (int r = 0; r < rounds; r++) MutateOnce(data, corpus, text);
        if (data.Count > maxLength) data.RemoveRange(maxLength, data.Count - maxLength);
        return [.. data];
    }

    private void MutateOnce(List<byte> d, IReadOnlyList<byte[]> corpus, bool text)
    {
        int op = rng.Next(text ? 14 : 12);
        int n = d.Count;
        switch (op)
        {
            case 0 when n > 0: d[rng.Next(n)] ^= (byte)(1 << rng.Next(8)); break;                      // bit flip
            case 1 when n > 0: d[rng.Next(n)] = (byte)rng.Next(256); break;                            // random byte
            case 2: d.Insert(rng.Next(n + 1), (byte)rng.Next(256)); break;                             // insert byte
            case 3 when n > 0:                                                                          // erase range
            {
                int at = rng.Next(n), len = 1 + rng.Next(Math.Min(n - at, 64));
                d.RemoveRange(at, len);
                break;
            }
            case 4 when n > 0:                                                                          // duplicate range
            {
                int at = rng.Next(n), len = 1 + rng.Next(Math.Min(n - at, 64));
                d.InsertRange(rng.Next(n + 1), d.GetRange(at, len));
                break;
            }
            case 5 when corpus.Count > 0:                                                               // splice
            {
                var other = corpus[rng.Next(corpus.Count)];
                if (other.Length == 0) break;
                int at = rng.Next(other.Length), len = 1 + rng.Next(Math.Min(other.Length - at, 256));
                int cut = rng.Next(n + 1);
                if (rng.Next(2) == 0) d.RemoveRange(cut, n - cut);
                d.InsertRange(Math.Min(cut, d.Count), other.AsSpan(at, len).ToArray());
                break;
            }
            case 6: case 7:                                                                             // dictionary token
            {
                var tok = ByteDictionary[rng.Next(ByteDictionary.Length)];
                d.InsertRange(rng.Next(n + 1), tok);
                break;
            }
            case 8 when n > 0:                                                                          // repeat a chunk many times (length/depth blow-ups)
            {
                int at = rng.Next(n), len = 1 + rng.Next(Math.Min(n - at, 8));
                var chunk = d.GetRange(at, len);
                int times = 1 << rng.Next(1, 11);
                var rep = new List<byte>(chunk.Count * times);
                for (int t = 0; t < times; t++) rep.AddRange(chunk);
                d.InsertRange(at, rep);
                break;
            }
            case 9 when n >= 4:                                                                         // interesting integer overwrite
            {
                var v = InterestingInts[rng.Next(InterestingInts.Length)];
                int at = rng.Next(n - v.Length + 1);
                for (int i = 0; i < v.Length; i++) d[at + i] = v[i];
                break;
            }
            case 10 when n > 1:                                                                         // swap two bytes
            {
                int a = rng.Next(n), b = rng.Next(n);
                (d[a], d[b]) = (d[b], d[a]);
                break;
            }
            case 11 when n > 0:                                                                         // add/subtract small value
                d[rng.Next(n)] += (byte)(rng.Next(1, 36) * (rng.Next(2) == 0 ? 1 : -1));
                break;
            case 12 when text:                                                                          // switch to raw UTF-16 and inject a lone surrogate/odd unit
            {
                string s = Reliability.FuzzTargets.DecodeText([.. d]);
                var chars = s.ToCharArray().ToList();
                char unit = (rng.Next(4)) switch { 0 => (char)rng.Next(0xD800, 0xDC00), 1 => (char)rng.Next(0xDC00, 0xE000), 2 => (char)rng.Next(0xFFF0, 0x10000), _ => (char)rng.Next(0, 0x10000) };
                chars.Insert(rng.Next(chars.Count + 1), unit);
                d.Clear();
                d.Add(0xFE);
                foreach (var c in chars) { d.Add((byte)c); d.Add((byte)(c >> 8)); }
                break;
            }
            case 13 when text && n > 0:                                                                 // case flip of an ASCII letter
            {
                int at = rng.Next(n);
                if (d[at] is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z') d[at] ^= 0x20;
                break;
            }
            default: d.Insert(rng.Next(n + 1), (byte)rng.Next(32, 127)); break;
        }
    }
}
