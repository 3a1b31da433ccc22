// Shared by the fuzz regression tests and by tools/TextLens.Fuzz (linked there): every fuzz target, as
// "bytes in → return a behaviour feature, or throw when the library misbehaves".
using System.Text;
using TextLens.Models;
using TextLens.Tagging;

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
        ["patterns"] = "TokenPattern.TryParse(first line) + PatternMatcher.FindAll over the rest; PatternMatcher.ReadCsv(all): only DataFileException",
        ["model"] = "ModelFile.Parse + NerModel.Read on mutated model files (length and CRC re-sealed so mutations reach the parser): only DataFileException",
        ["json"] = "Document.FromJson(text): only FormatException; an accepted document satisfies every invariant and round-trips",
    };

    /// <summary>Whether the target reads text (decoded with <see cref="DecodeText"/>) rather than raw bytes.</summary>
    public static bool IsTextTarget(string target) => target is not "model";

    /// <summary>Runs <paramref name="target"/> on <paramref name="data"/>; returns a hash of the observed behaviour (pseudo-coverage for the fuzzer).</summary>
    public static ulong Run(string target, ReadOnlySpan<byte> data) => target switch
    {
        "tokenizer" => Tokenizer(DecodeText(data)),
        "pipeline" => PipelineTarget(DecodeText(data)),
        "csv" => Csv(DecodeText(data)),
        "patterns" => Patterns(DecodeText(data)),
        "model" => Model(data),
        "json" => Json(DecodeText(data)),
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
            return 1UL << 20 | (ulong)(uint)StableHash(e.Problem.Split(':')[0]) & 0xFFFF;
        }
    }

    private static ulong Patterns(string text)
    {
        int nl = text.IndexOf('\n');
        string pattern = nl < 0 ? text : text[..nl];
        string body = nl < 0 ? "Azerbaijan will not sign until Armenia changes its constitution." : text[(nl + 1)..];
        ulong h = 0;
        if (TokenPattern.TryParse(pattern, out var compiled, out var error))
        {
            var matcher = new PatternMatcher();
            matcher.Add("X", compiled);
            var doc = SharedPipeline.Value.Process(body, "fuzz");
            var matches = matcher.FindAll(doc);
            foreach (var m in matches)
            {
                if (m.TokenStart < 0 || m.TokenEnd <= m.TokenStart || m.TokenEnd > doc.Tokens.Count)
                    throw new InvariantException($"match [{m.TokenStart},{m.TokenEnd}) outside {doc.Tokens.Count} tokens");
                _ = m.Text(doc);
            }
            h = 1UL << Math.Min(Bucket(matches.Count), 7);
            var longest = PatternMatcher.SelectLongest(matches);
            for (int i = 1; i < longest.Count; i++)
                if (longest[i].TokenStart < longest[i - 1].TokenEnd) throw new InvariantException("SelectLongest returned overlapping matches");
        }
        else if (string.IsNullOrEmpty(error)) throw new InvariantException("TryParse failed without an error message");
        else h = 1UL << 8 | (ulong)(uint)StableHash(error.Split(' ')[0]) << 9 & 0xFFFF00;
        try
        {
            var m = PatternMatcher.ReadCsv(new StringReader(text), "fuzz.csv");
            h |= 1UL << 30 | (ulong)Math.Min(m.Count, 7) << 31;
        }
        catch (DataFileException e) { CheckMessage(e); h |= 1UL << 40 | (ulong)(uint)StableHash(e.Problem.Split(' ')[0]) << 41 & 0xFFFF0000000000; }
        return h;
    }

    /// <summary>A valid NER model file (tiny perceptron) to mutate; also the seed for the fuzzer.</summary>
    public static byte[] SeedModel()
    {
        var p = new Tagging.AveragedPerceptron(Entities.NerModel.ClassCount);
        Span<float> scratch = stackalloc float[Entities.NerModel.ClassCount];
        ulong[] f1 = [1, 2, 3], f2 = [3, 4, 5];
        for (int i = 0; i < 5; i++) { p.Train(f1, 1, scratch); p.NextInstance(); p.Train(f2, 2, scratch); p.NextInstance(); }
        p.Average();
        return new Entities.NerModel(p).ToFile(new Dictionary<string, string> { ["corpus"] = "fuzz" }).ToArray();
    }

    private static ulong Model(ReadOnlySpan<byte> input)
    {
        // First byte 0x01: re-seal the mutated file (fix the declared length and the CRC) so the mutation reaches the parser;
        // otherwise the bytes are parsed as they are (exercises the magic/version/length/checksum gates).
        byte[] data = input.Length > 0 && input[0] == 0x01 ? Reseal(input[1..].ToArray()) : input.ToArray();
        try
        {
            var file = ModelFile.Parse(data, "fuzz.bin", Entities.NerModel.Kind, Entities.NerModel.KindVersion);
            _ = Entities.NerModel.Read(new MemoryStream(data), "fuzz.bin");
            return 1UL << 63 | (uint)file.SectionNames.Count;
        }
        catch (DataFileException e)
        {
            CheckMessage(e);
            return 1UL << 20 | (ulong)(uint)StableHash(string.Concat(e.Problem.Where(char.IsLetter).Take(24))) & 0xFFFF;
        }
    }

    /// <summary>Patches the declared length (bytes 12..20) and the trailing CRC-32C of a model file.</summary>
    public static byte[] Reseal(byte[] data)
    {
        if (data.Length < 24) return data;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(data.AsSpan(12), (ulong)data.Length);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(data.Length - 4), Crc32C.Compute(data.AsSpan(0, data.Length - 4)));
        return data;
    }

    private static ulong Json(string text)
    {
        Document doc;
        try { doc = Document.FromJson(text); }
        catch (FormatException e)
        {
            if (string.IsNullOrWhiteSpace(e.Message)) throw new InvariantException("FormatException without a message");
            return 1UL << 20 | (ulong)(uint)StableHash(string.Concat(e.Message.Where(char.IsLetter).Take(40))) & 0xFFFF;
        }
        DocumentInvariants.Check(doc, doc.Text, external: true);
        string json = doc.ToJson();
        var again = Document.FromJson(json);
        if (again.ToJson() != json) throw new InvariantException("ToJson → FromJson → ToJson is not stable");
        return Features(doc) | 1UL << 39;
    }

    private static int StableHash(string s)
    {
        int h = 17;
        foreach (char c in s) h = h * 31 + c;
        return h;
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
