using BenchmarkDotNet.Attributes;

namespace TextLens.Benchmarks;

/// <summary>The full English pipeline (<c>Pipeline.CreateEnglish().Process</c>) on the article and on the ~1 MB corpus.</summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private Pipeline _nlp = null!;
    private string _text = "";

    /// <summary>The input text.</summary>
    [Params(Corpus.Article, Corpus.Policy1MB)]
    public Corpus Corpus { get; set; }

    /// <summary>Builds the pipeline (models load here, not in the measurement) and warms it once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _nlp = Pipeline.CreateEnglish();
        _text = Corpora.Get(Corpus);
        _nlp.Process(Corpora.Article);
    }

    /// <summary>Processes the whole text into a frozen document.</summary>
    [Benchmark]
    public Document Process() => _nlp.Process(_text);
}
