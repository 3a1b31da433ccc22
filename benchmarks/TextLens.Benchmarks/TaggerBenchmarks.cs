using BenchmarkDotNet.Attributes;

namespace TextLens.Benchmarks;

/// <summary>
/// Part-of-speech tagging of pre-tokenised text (the Huseynov article, tokenised and split into sentences once),
/// and lemmatising. Tokens per second = <see cref="TokenCount"/> / mean time.
/// Run: <c>dotnet run -c Release --project benchmarks/TextLens.Benchmarks -- --filter '*TaggerBenchmarks*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class TaggerBenchmarks
{
    private Document _doc = null!;
    private int[] _labels = [];
    private PosTagger _tagger = null!;
    private PosTagger _unlearned = null!;

    /// <summary>Tokens tagged per operation.</summary>
    public int TokenCount { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var text = File.ReadAllText(FindArticle());
        var pipeline = new Pipeline().Add(new SentenceSplitter());
        _doc = pipeline.Process(text);
        _tagger = PosTagger.Default;
        _unlearned = new PosTagger(_tagger.Model.With(learnedLimit: 0));
        TokenCount = _doc.Tokens.Count;
        _labels = new int[TokenCount];
        Console.WriteLine($"// {TokenCount} tokens, {_doc.Sentences.Count} sentences per operation");
    }

    /// <summary>Tags every token of the article (no allocation per token); steady state: the rows of the article's words outside the folded vocabulary were learned on the first call.</summary>
    [Benchmark]
    public int TagArticle()
    {
        _tagger.TagInto(_doc, _labels);
        return _labels[^1];
    }

    /// <summary>
    /// The same with nothing learned: every occurrence of a word outside the folded vocabulary has its rows summed
    /// again (the cost of a stream of never-repeating rare words; also what the first document pays).
    /// </summary>
    [Benchmark]
    public int TagArticleUnlearned()
    {
        _unlearned.TagInto(_doc, _labels);
        return _labels[^1];
    }

    /// <summary>
    /// Loads the shipped model from the embedded resource and pre-sums its frequent words' weights, everything the
    /// first tagging call needs (the ≤ 300 ms budget).
    /// </summary>
    [Benchmark]
    public int LoadModel()
    {
        using var s = typeof(PosTagger).Assembly.GetManifestResourceStream("TextLens.Data/models/pos.bin")!;
        return PosTagger.Load(s, "pos.bin").Model.Folded.First.TypeCount;
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
