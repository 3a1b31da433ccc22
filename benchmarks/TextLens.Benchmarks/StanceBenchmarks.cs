using BenchmarkDotNet.Attributes;
using TextLens;

namespace TextLens.Benchmarks;

/// <summary>
/// The stance stage alone (pattern matching, negation, holders, targets) on an already tokenized and split document:
/// the Huseynov article repeated 20 times. Tokens per second = <see cref="TokenCount"/> / mean time.
/// </summary>
[MemoryDiagnoser]
public class StanceBenchmarks
{
    private Document _doc = null!;
    private StanceDetector _detector = null!;
    private StanceDetector _rules = null!;
    private PatternMatcher _matcher = null!;
    private readonly List<PatternMatch> _matches = new(1024);

    /// <summary>Tokens in the benchmark document (printed in the setup).</summary>
    public int TokenCount => _doc.Tokens.Count;

    [GlobalSetup]
    public void Setup()
    {
        var text = File.ReadAllText(FindArticle());
        var big = string.Join("\n\n", Enumerable.Repeat(text, 20));
        var nlp = Pipeline.CreateEnglish();
        nlp.Disable("stance");
        _doc = nlp.Process(big, "bench");
        _detector = new StanceDetector();
        _detector.Detect(_doc); // load the lexicon and build the matcher index once
        _matcher = _detector.Lexicon.Matcher;
        _rules = new StanceDetector(StanceLexicon.Default, model: null);
        Console.WriteLine($"// StanceBenchmarks document: {TokenCount} tokens, {_doc.Sentences.Count} sentences");
    }

    /// <summary>The whole stance stage.</summary>
    [Benchmark]
    public int Detect() => _detector.Detect(_doc).Count;

    /// <summary>The lexicon rules without the model (TextLens 0.1's stance stage).</summary>
    [Benchmark]
    public int DetectRulesOnly() => _rules.Detect(_doc).Count;

    /// <summary>The stance model's per-token attributes alone (word classes, clusters, valence, clause flags).</summary>
    [Benchmark]
    public int ModelFeatures()
    {
        using var x = new TextLens.Stance.StanceFeatures(_doc);
        return x.Flags[0];
    }

    /// <summary>The pattern matcher alone over the whole document.</summary>
    [Benchmark]
    public int MatchLexicon()
    {
        _matches.Clear();
        return _matcher.FindAll(_doc, 0, _doc.Tokens.Count, _matches);
    }

    private static string FindArticle()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var p = Path.Combine(dir.FullName, "data", "huseynov-2025-04-17.txt");
            if (File.Exists(p)) return p;
        }
        throw new FileNotFoundException("data/huseynov-2025-04-17.txt not found above " + AppContext.BaseDirectory);
    }
}
