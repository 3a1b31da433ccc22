using System.Globalization;
using System.Text;
using System.Text.Json;

namespace TextLens.BenchGate;

/// <summary>One stage's instruction count on one input: the difference between two cachegrind runs of the workload.</summary>
/// <param name="Input">article or policy.</param>
/// <param name="Stage">tokenizer, sentences, tagger, lemmatizer, entities, stance or sentiment.</param>
/// <param name="Instructions">Instructions the stage executed on the input's measured documents.</param>
/// <param name="Threshold">In a baseline: this stage's own threshold (a fraction), for a stage whose count is known to
/// vary more than the others; null = the gate's. Kept when the baseline is re-recorded.</param>
public sealed record StageCount(string Input, string Stage, long Instructions, double? Threshold = null);

/// <summary>The committed instruction-count baseline (<c>benchmarks/instructions-baseline.json</c>).</summary>
public sealed class InstructionBaseline
{
    /// <summary>The file format version.</summary>
    public const int CurrentSchema = 1;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>File format version.</summary>
    public int Schema { get; set; } = CurrentSchema;

    /// <summary>The commit the counts were recorded on.</summary>
    public string Commit { get; set; } = "";

    /// <summary>When (ISO 8601, UTC).</summary>
    public string Date { get; set; } = "";

    /// <summary>Per input and stage.</summary>
    public List<StageCount> Stages { get; set; } = [];

    /// <summary>Reads a baseline; <see cref="InvalidDataException"/> names the problem.</summary>
    public static InstructionBaseline Load(string path)
    {
        InstructionBaseline? b;
        try { b = JsonSerializer.Deserialize<InstructionBaseline>(File.ReadAllText(path), Json); }
        catch (JsonException e) { throw new InvalidDataException($"{path}: malformed JSON ({e.Message})", e); }
        if (b is null || b.Schema != CurrentSchema) throw new InvalidDataException($"{path}: not an instruction baseline of schema {CurrentSchema}");
        if (b.Stages.Count == 0 || b.Stages.Any(s => s.Instructions <= 0 || string.IsNullOrEmpty(s.Input) || string.IsNullOrEmpty(s.Stage)))
            throw new InvalidDataException($"{path}: no stages, or a stage without input, name or a positive count");
        return b;
    }

    /// <summary>Writes the baseline as indented JSON.</summary>
    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json) + "\n");
}

/// <summary>One row of the instruction gate's report.</summary>
/// <param name="Input">The input.</param>
/// <param name="Stage">The stage.</param>
/// <param name="Baseline">Baseline count, null when the stage is new.</param>
/// <param name="Now">This run's count, null when missing.</param>
/// <param name="Fails">More than the threshold above the baseline, or missing from an input that was run.</param>
/// <param name="NotRun">The whole input was not run (the policy sample needs ../shared): reported, not a failure.</param>
/// <param name="Threshold">The stage's own threshold from the baseline, when it has one.</param>
public sealed record InstructionRow(string Input, string Stage, long? Baseline, long? Now, bool Fails, double? Threshold = null, bool NotRun = false)
{
    /// <summary>Now ÷ baseline − 1, when both are there.</summary>
    public double? Change => Baseline is long b && Now is long n ? (double)n / b - 1 : null;
}

/// <summary>
/// The instruction-count gate: reads the per-stage counts of the callgrind workload (each stage zeroed before and
/// dumped after, so start-up, JIT and warm-up are never counted) and compares them with the baseline.
/// </summary>
public static class InstructionGate
{
    /// <summary>The stages every input must have, in pipeline order.</summary>
    public static readonly string[] Stages = ["tokenizer", "sentences", "tagger", "lemmatizer", "entities", "stance", "sentiment"];

    /// <summary>
    /// Reads <c>counts.tsv</c> (input, stage, instructions per line). <see cref="InvalidDataException"/> names a
    /// malformed line, an unknown or repeated stage, a count that is not positive, or an input missing a stage
    /// (a run that failed half-way).
    /// </summary>
    public static List<StageCount> StageCounts(IEnumerable<string> lines)
    {
        var stages = new List<StageCount>();
        int lineNo = 0;
        foreach (var line in lines)
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var f = line.Split('\t');
            if (f.Length != 3 || !long.TryParse(f[2], NumberStyles.None, CultureInfo.InvariantCulture, out long n) || Array.IndexOf(Stages, f[1]) < 0)
                throw new InvalidDataException($"counts line {lineNo}: expected 'input<TAB>stage<TAB>instructions' with a known stage, got '{line}'");
            if (n <= 0) throw new InvalidDataException($"counts line {lineNo}: {f[0]} {f[1]} counted no instructions (a run failed?)");
            if (stages.Any(s => s.Input == f[0] && s.Stage == f[1])) throw new InvalidDataException($"counts line {lineNo}: {f[0]} {f[1]} is counted twice");
            stages.Add(new StageCount(f[0], f[1], n));
        }
        foreach (var input in stages.Select(s => s.Input).Distinct())
            foreach (var stage in Stages)
                if (!stages.Any(s => s.Input == input && s.Stage == stage))
                    throw new InvalidDataException($"{input}: no count for stage {stage} (a run failed half-way?)");
        return stages;
    }

    /// <summary>
    /// Compares <paramref name="now"/> with <paramref name="baseline"/>: a stage fails above <paramref name="threshold"/>
    /// (0.02 = +2 %) or when missing from an input that was run; an input not run at all is reported, not failed.
    /// </summary>
    public static List<InstructionRow> Compare(InstructionBaseline baseline, IReadOnlyList<StageCount> now, double threshold)
    {
        var rows = new List<InstructionRow>();
        foreach (var b in baseline.Stages)
        {
            if (!now.Any(s => s.Input == b.Input))
            {
                rows.Add(new InstructionRow(b.Input, b.Stage, b.Instructions, null, Fails: false, b.Threshold, NotRun: true));
                continue;
            }
            var n = now.FirstOrDefault(s => s.Input == b.Input && s.Stage == b.Stage);
            rows.Add(new InstructionRow(b.Input, b.Stage, b.Instructions, n?.Instructions,
                n is null || (double)n.Instructions / b.Instructions - 1 > (b.Threshold ?? threshold), b.Threshold));
        }
        foreach (var n in now)
            if (!baseline.Stages.Any(b => b.Input == n.Input && b.Stage == n.Stage))
                rows.Add(new InstructionRow(n.Input, n.Stage, null, n.Instructions, false));
        return rows;
    }

    /// <summary>The report: one line per input and stage, then the verdict.</summary>
    public static string Table(IReadOnlyList<InstructionRow> rows, double threshold)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"| input | stage | baseline | now | change | verdict (threshold +{threshold * 100:0.##}%) |");
        sb.AppendLine("|---|---|---:|---:|---:|---|");
        foreach (var r in rows)
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Input} | {r.Stage} | {r.Baseline?.ToString("N0", CultureInfo.InvariantCulture) ?? "-"} | {r.Now?.ToString("N0", CultureInfo.InvariantCulture) ?? "-"} | {(r.Change is double c ? c.ToString("+0.000%;-0.000%;0.000%", CultureInfo.InvariantCulture) : "-")} | {(r.NotRun ? "not run (input absent)" : r.Now is null ? "FAIL missing" : r.Baseline is null ? "new (not in the baseline)" : r.Fails ? "FAIL slower" : "ok")}{(r.Threshold is double t ? string.Create(CultureInfo.InvariantCulture, $" (own threshold +{t * 100:0.##}%)") : "")} |");
        return sb.ToString();
    }
}
