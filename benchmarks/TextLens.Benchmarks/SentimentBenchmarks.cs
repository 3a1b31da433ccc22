using BenchmarkDotNet.Attributes;
using TextLens.Sentiment;

namespace TextLens.Benchmarks;

/// <summary>
/// The lexicon sentiment scorer on the Huseynov article repeated 20 times (≈ 22,000 tokens): all sentences of an already
/// tokenised and split document. Tokens per second = <see cref="TokenCount"/> / mean time.
/// </summary>
[MemoryDiagnoser]
public class SentimentBenchmarks
{
    private Document _doc = null!;
    private SentimentScorer _scorer = null!;

    /// <summary>Tokens scored per operation (printed in setup).</summary>
    public int TokenCount { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        string article = File.ReadAllText(FindArticle());
        string text = string.Join("\n\n", Enumerable.Repeat(article, 20));
        var nlp = Pipeline.CreateEnglish().Disable("sentiment");
        _doc = nlp.Process(text);
        _scorer = new SentimentScorer(SentimentLexicon.Default, new SentimentOptions());
        _ = SentimentModel.Default; // loaded once, outside the measurement
        TokenCount = _doc.Tokens.Count;
        Console.WriteLine($"// SentimentBenchmarks: {TokenCount} tokens, {_doc.Sentences.Count} sentences per operation");
    }

    /// <summary>Scores every sentence with explanations (what the pipeline component does per sentence).</summary>
    [Benchmark]
    public double ScoreSentences()
    {
        double sum = 0;
        foreach (var s in _doc.Sentences) sum += _scorer.Score(_doc, s.TokenStart, s.TokenEnd, -1).Compound;
        return sum;
    }

    /// <summary>
    /// What the pipeline component does per sentence by default: the lexicon scorer with explanations, then the trained
    /// sentence model (<see cref="SentimentModel.Default"/>) over its features.
    /// </summary>
    [Benchmark]
    public double ClassifySentences()
    {
        var model = SentimentModel.Default;
        double sum = 0;
        foreach (var s in _doc.Sentences)
        {
            var score = _scorer.Score(_doc, s.TokenStart, s.TokenEnd, -1, out var counts);
            var f = new FeatureBuffer(4 * (s.TokenEnd - s.TokenStart) + 64);
            SentimentFeatures.Sentence(_doc, s.TokenStart, s.TokenEnd, score, counts, ref f);
            SentimentModel.Decide(model.Sentence, f.Keys, model.SentenceTemperature, out double compound);
            f.Dispose();
            sum += compound;
        }
        return sum;
    }

    /// <summary>Cue counting only (the classifier's features): no explanation objects.</summary>
    [Benchmark]
    public double CountSentences()
    {
        double sum = 0;
        foreach (var s in _doc.Sentences) sum += _scorer.Count(_doc, s.TokenStart, s.TokenEnd, -1, out _);
        return sum;
    }

    private static string FindArticle()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "data", "huseynov-2025-04-17.txt");
            if (File.Exists(path)) return path;
        }
        throw new FileNotFoundException("data/huseynov-2025-04-17.txt not found above " + AppContext.BaseDirectory);
    }
}
