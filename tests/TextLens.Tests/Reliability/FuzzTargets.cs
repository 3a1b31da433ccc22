// Shared by the fuzz regression tests and by tools/TextLens.Fuzz (linked there): every fuzz target, as
// "bytes in → return a behaviour feature, or throw when the library misbehaves".
using System.Text;
using TextLens.Models;

namespace TextLens.Reliability;

/// <summary>The fuzz targets. Each takes raw bytes, runs one part of the library and checks its contract.</summary>
internal static class FuzzTargets
{
    private static readonly Lazy<Pipeline> SharedPipeline = new(() => Pipeline.CreateEnglish(new PipelineOptions { MaxDegreeOfParallelism = 1 }));

    /// <summary>Target names with a one-line description.</summary>
    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>
    {
        ["tokenizer"] = "Tokenizer.Default.Tokenize(text) + token offset invariants",
        ["pipeline"] = "Pipeline.CreateEnglish().Process(text) (splitter and every stage) + all layer invariants + ToJson",
        ["csv"] = "CsvTable.Read (the one lexicon/pattern/training CSV reader): only DataFileException may escape",
    };

    /// <summary>Whether the target reads text (decoded with <see cref="DecodeText"/>) rather than raw bytes.</summary>
    public static bool IsTextTarget(string target) => target is "tokenizer" or "pipeline" or "csv";

    /// <summary>Runs <paramref name="target"/> on <paramref name="data"/>; returns a hash of the observed behaviour (pseudo-coverage for the fuzzer).</summary>
    public static ulong Run(string target, ReadOnlySpan<byte> data) => target switch
    {
        "tokenizer" => Tokenizer(DecodeText(data)),
        "pipeline" => PipelineTarget(DecodeText(data)),
        "csv" => Csv(DecodeText(data)),
        _ => throw new ArgumentException($"unknown fuzz target '{target}' (known: {string.Join(", ", Descriptions.Keys)})", nameof(target)),
    };

    /// <summary>
    /// Bytes to text: UTF-8 (invalid sequences become U+FFFD, as when a file is read), or, when the first byte
    /// is 0xFE, raw UTF-16LE so the fuzzer can also produce lone surrogates and any other UTF-16 unit.
    /// </summary>
    public static string DecodeText(ReadOnlySpan<byte> data)
    {
        if (data.Length > 0 && data[0] == 0xFE)
        {
            var rest = data[1..];
            return new string(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, char>(rest[..(rest.Length & ~1)]));
        }
        return Encoding.UTF8.GetString(data);
    }

    private static ulong Tokenizer(string text)
    {
        var doc = TextLens.Tokenizer.Default.Tokenize(text);
        DocumentInvariants.Check(doc, text);
        return Features(doc);
    }

    private static ulong PipelineTarget(string text)
    {
        var doc = SharedPipeline.Value.Process(text, "fuzz");
        DocumentInvariants.Check(doc, text);
        string json = doc.ToJson();
        if (json.Length == 0) throw new InvariantException("empty JSON");
        return Features(doc);
    }

    private static ulong Csv(string text)
    {
        try
        {
            var rows = CsvTable.Read(text, "fuzz.csv", "a");
            ulong h = (ulong)Math.Min(rows.Count, 8);
            foreach (var row in rows)
            {
                if (row.Line < 1) throw new InvariantException($"row line number {row.Line} < 1");
                _ = row.Optional("a");
                _ = row.Optional("zz");
                try { _ = row.Double("a"); h |= 1UL << 8; } catch (DataFileException e) { CheckMessage(e); h |= 1UL << 9; }
                try { _ = row.Enum<StanceCueType>("a"); h |= 1UL << 10; } catch (DataFileException e) { CheckMessage(e); h |= 1UL << 11; }
                h |= (ulong)Math.Min(row.Fields.Length, 8) << 12;
            }
            return h;
        }
        catch (DataFileException e)
        {
            CheckMessage(e);
            return 1UL << 20 | (ulong)(uint)e.Problem.Split(':')[0].GetHashCode() & 0xFFFF;
        }
    }

    private static void CheckMessage(DataFileException e)
    {
        if (string.IsNullOrWhiteSpace(e.Problem) || e.Line < 0) throw new InvariantException($"DataFileException without a usable problem/line: {e.Message}");
    }

    /// <summary>
    /// A coarse fingerprint of a document as a bit set: which token-kind bigrams occur (bits 0-39) and
    /// one-hot buckets of the sentence, entity and stance-cue counts (bits 40-63).
    /// </summary>
    private static ulong Features(Document doc)
    {
        ulong bits = 0;
        int prev = 9;
        foreach (var t in doc.Tokens)
        {
            int k = Math.Min((int)t.Kind, 9);
            bits |= 1UL << ((prev * 10 + k) % 40);
            prev = k;
        }
        bits |= 1UL << (40 + Bucket(doc.Sentences.Count));
        bits |= 1UL << (48 + Bucket(doc.Entities.Count));
        bits |= 1UL << (56 + Bucket(doc.StanceCues.Count));
        return bits;
    }

    private static int Bucket(int n) => n switch { 0 => 0, 1 => 1, 2 => 2, 3 => 3, < 8 => 4, < 16 => 5, < 64 => 6, _ => 7 };
}
